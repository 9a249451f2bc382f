import { jest } from '@jest/globals';
import { DueLoop } from './due-loop.js';

describe('DueLoop', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  const loop = (delays: number[]) => {
    const ticks: number[] = [];
    let release: (() => void) | null = null;
    const hold = { on: false };
    const due = new DueLoop(async () => {
      ticks.push(Date.now());
      if (hold.on) await new Promise<void>((resolve) => (release = resolve));
      return delays.shift() ?? 1000;
    });
    return { due, ticks, hold, release: () => release?.() };
  };

  it('waits as long as each tick answers, and a wake brings the next tick forward', async () => {
    const { due, ticks } = loop([500, 10_000]);
    due.wake();
    await jest.advanceTimersByTimeAsync(0);
    expect(ticks).toEqual([0]);
    await jest.advanceTimersByTimeAsync(500);
    expect(ticks).toEqual([0, 500]);
    due.wake(100);
    due.wake(5000); // a later wake does not put off the earlier one
    await jest.advanceTimersByTimeAsync(100);
    expect(ticks).toEqual([0, 500, 600]);
    await due.stop();
  });

  it('runs one tick at a time: a wake during a tick runs another right after it', async () => {
    const { due, ticks, hold, release } = loop([10_000, 10_000]);
    hold.on = true;
    due.wake();
    await jest.advanceTimersByTimeAsync(0);
    due.wake();
    due.wake();
    await jest.advanceTimersByTimeAsync(50);
    expect(ticks).toEqual([0]);
    hold.on = false;
    release();
    await jest.advanceTimersByTimeAsync(50);
    expect(ticks).toEqual([0, 50]);
    await due.stop();
  });

  it('ticks no more once stopped', async () => {
    const { due, ticks } = loop([100]);
    due.wake();
    await jest.advanceTimersByTimeAsync(0);
    await due.stop();
    due.wake();
    await jest.advanceTimersByTimeAsync(5000);
    expect(ticks).toEqual([0]);
  });
});

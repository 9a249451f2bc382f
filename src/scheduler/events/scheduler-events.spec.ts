import { firstValueFrom, take, toArray } from 'rxjs';
import { EVENT_LOG_LENGTH, isAfter } from '../../storage/event-log.js';
import { MemoryEventLog } from '../../storage/memory/memory-event-log.js';
import { SchedulerEvents } from './scheduler-events.js';

describe('SchedulerEvents', () => {
  it('orders ids by time, then by sequence within one millisecond', () => {
    expect(isAfter('1000-1', '1000-0')).toBe(true);
    expect(isAfter('999-9', '1000-0')).toBe(false);
    expect(isAfter('10000-0', '9999-5')).toBe(true);
    expect(isAfter('1000-0', '1000-0')).toBe(false);
  });

  it('replays the events after Last-Event-ID, then the live ones, each once', async () => {
    const log = new MemoryEventLog(() => 1000);
    const events = new SchedulerEvents(log);
    for (let i = 0; i < 3; i++) await log.append('job.changed', { i });
    const received = firstValueFrom(events.stream('1000-0').pipe(take(3), toArray()));
    await log.append('scheduler.paused', {});
    expect((await received).map(({ id, type }) => [id, type])).toEqual([
      ['1000-1', 'job.changed'],
      ['1000-2', 'job.changed'],
      ['1000-3', 'scheduler.paused'],
    ]);
  });

  it('sends resync first when events after the given id were trimmed', async () => {
    let now = 1;
    const log = new MemoryEventLog(() => now++);
    for (let i = 0; i < EVENT_LOG_LENGTH + 2; i++) await log.append('run.progress', { i });
    const [first, second] = await firstValueFrom(new SchedulerEvents(log).stream('1-0').pipe(take(2), toArray()));
    expect(first).toMatchObject({ type: 'resync' });
    expect(second).toMatchObject({ id: '3-0', type: 'run.progress', data: { i: 2 } });
  });

  it('never fails the caller when the log refuses an event', () => {
    const log = new MemoryEventLog();
    log.append = () => Promise.reject(new Error('store down'));
    expect(() => new SchedulerEvents(log).emit('run.started', {})).not.toThrow();
  });

  it('ends every open stream before the app shuts down', async () => {
    const events = new SchedulerEvents(new MemoryEventLog());
    const all = firstValueFrom(events.stream(null).pipe(toArray()));
    events.beforeApplicationShutdown();
    expect(await all).toEqual([]);
  });
});

import type { RunRecord } from './job.js';
import { PROGRESS_INTERVAL_MS, RunProgressWriter } from './run-progress-writer.js';
import { makeRun } from '../storage/contract/fixtures.js';

describe('RunProgressWriter', () => {
  const setup = () => {
    let now = 1_000_000;
    const writes: RunRecord['progress'][] = [];
    let settle: () => void = () => undefined;
    const record = { ...makeRun('job-1', 1), status: 'running' as const, progress: { done: 0, total: 10 } };
    const writer = new RunProgressWriter(
      record,
      (written) => {
        writes.push(written.progress);
        return new Promise<void>((resolve) => (settle = resolve));
      },
      () => now,
    );
    return { writer, writes, pass: (ms: number) => (now += ms), settle: () => settle() };
  };

  it('writes at most once per interval, with the count so far', async () => {
    const { writer, writes, pass, settle } = setup();
    writer.symbolsDone();
    writer.symbolsDone();
    expect(writes).toEqual([]);
    pass(PROGRESS_INTERVAL_MS);
    writer.symbolsDone();
    expect(writes).toEqual([{ done: 3, total: 10 }]);
    settle();
    await Promise.resolve();
    writer.symbolsDone();
    expect(writes).toHaveLength(1);
    expect(writer.done).toBe(4);
  });

  it('never has two writes in flight, and writes nothing once stopped', async () => {
    const { writer, writes, pass, settle } = setup();
    pass(PROGRESS_INTERVAL_MS);
    writer.symbolsDone();
    pass(PROGRESS_INTERVAL_MS);
    writer.symbolsDone(); // the first write has not settled
    expect(writes).toEqual([{ done: 1, total: 10 }]);
    settle();
    await new Promise((resolve) => setImmediate(resolve));
    writer.stop();
    pass(PROGRESS_INTERVAL_MS);
    writer.symbolsDone();
    expect(writes).toHaveLength(1);
    expect(writer.done).toBe(3);
  });
});

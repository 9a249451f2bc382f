import { SharedRequests } from './single-flight.js';

/** A request that settles when told to, counting how often it was made. */
function deferred<T>() {
  let settle!: { resolve: (value: T) => void; reject: (error: Error) => void };
  let made = 0;
  const request = () => {
    made++;
    return new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  };
  return { request, settle: () => settle, made: () => made };
}

describe('SharedRequests', () => {
  let now = 0;
  const shared = () => new SharedRequests(() => now);

  it('makes one request for callers of the same key while it is in flight, and gives each the answer', async () => {
    const requests = shared();
    const { request, settle, made } = deferred<string>();
    const answers = Promise.all([requests.run('k', request), requests.run('k', request), requests.run('k', request)]);
    settle().resolve('answer');
    expect(await answers).toEqual(['answer', 'answer', 'answer']);
    expect(made()).toBe(1);
  });

  it('keeps a settled answer for later callers of the same key, for ten minutes', async () => {
    const requests = shared();
    let made = 0;
    const request = async () => ++made;
    expect(await requests.run('k', request)).toBe(1);
    now += 9 * 60_000;
    expect(await requests.run('k', request)).toBe(1);
    now += 2 * 60_000;
    expect(await requests.run('k', request)).toBe(2);
    expect(await requests.run('other', request)).toBe(3);
  });

  it('shares a failure only while in flight: the next caller tries again', async () => {
    const requests = shared();
    const { request, settle, made } = deferred<string>();
    const both = Promise.allSettled([requests.run('k', request), requests.run('k', request)]);
    settle().reject(new Error('down'));
    expect((await both).map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(made()).toBe(1);
    const again = requests.run('k', request);
    settle().resolve('up');
    expect(await again).toBe('up');
    expect(made()).toBe(2);
  });

  it('does not keep an answer asked for with keep: false', async () => {
    const requests = shared();
    let made = 0;
    const request = async () => ++made;
    await requests.run('k', request, { keep: false });
    expect(await requests.run('k', request, { keep: false })).toBe(2);
  });
});

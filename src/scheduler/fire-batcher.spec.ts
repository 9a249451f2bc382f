import { FireBatcher } from './fire-batcher.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('FireBatcher', () => {
  const batches: number[][] = [];
  const batcher = () => new FireBatcher<number>(async (items) => void batches.push([...items]));
  beforeEach(() => (batches.length = 0));

  it('gathers items that keep arriving over turns of the event loop into one batch', async () => {
    const gathering = batcher();
    const handled = [gathering.add(1), gathering.add(2)];
    await nextTurn();
    handled.push(gathering.add(3));
    await Promise.all(handled);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('starts a new batch after a turn that brought nothing', async () => {
    const gathering = batcher();
    await gathering.add(1);
    await gathering.add(2);
    expect(batches).toEqual([[1], [2]]);
  });

  it('does not hold a steady stream back for more than a few turns', async () => {
    const gathering = batcher();
    const first = gathering.add(0);
    for (let i = 1; i <= 20 && batches.length === 0; i++) {
      await nextTurn();
      void gathering.add(i);
    }
    await first;
    expect(batches[0]!.length).toBeGreaterThan(1);
    expect(batches[0]!.length).toBeLessThan(20);
  });

  it('hands the open batch over at once on flush and waits for it', async () => {
    const gathering = batcher();
    void gathering.add(1);
    await gathering.flush();
    expect(batches).toEqual([[1]]);
  });
});

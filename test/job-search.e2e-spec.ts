import { useE2eApp } from './support/e2e-context.js';
import type { StoreKind } from './support/test-app.js';

interface Job {
  job_id: string;
  name: string;
  status: string;
  dataset: string;
  stock_ids: string[];
}
interface Page {
  items: Job[];
  next_cursor: string | null;
}

describe.each<StoreKind>(['redis', 'memory'])('finding jobs: search, filters and pages (%s store)', (store) => {
  const ctx = useE2eApp(store);
  const created: Job[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 24; i++) {
      const body = {
        name: i % 4 === 0 ? `Nightly close ${i}` : `screen ${i}`,
        dataset: i % 2 === 0 ? 'historical_prices' : 'news_data',
        stock_ids: i % 6 === 0 ? ['BRK-B'] : ['AAPL', `S${i}`],
        is_active: i % 3 !== 0,
      };
      const { job_id } = (await ctx.http().post('/scheduler/jobs').send(body).expect(201)).body;
      created.push((await ctx.http().get(`/scheduler/jobs/${job_id}`).expect(200)).body);
    }
  }, 30_000);

  const page = async (query: string): Promise<Page> => (await ctx.http().get(`/scheduler/jobs?${query}`).expect(200)).body;
  const ids = (jobs: Job[]) => jobs.map((job) => job.job_id);

  it('keeps the plain array without page parameters', async () => {
    const all = (await ctx.http().get('/scheduler/jobs').expect(200)).body;
    expect(ids(all)).toEqual(ids(created));
  });

  it('searches the name and the symbols, filters by status and dataset, and combines them', async () => {
    expect(ids((await page('q=NIGHTLY')).items)).toEqual(ids(created.filter((job) => job.name.startsWith('Nightly'))));
    expect(ids((await page('q=brk')).items)).toEqual(ids(created.filter((job) => job.stock_ids.includes('BRK-B'))));
    const stopped = created.filter((job) => job.status !== 'pending');
    expect(stopped.length).toBeGreaterThan(0);
    expect(ids((await page(`status=${stopped[0].status}`)).items)).toEqual(ids(created.filter((job) => job.status === stopped[0].status)));
    const news = await page('dataset=news_data&q=aapl');
    expect(ids(news.items)).toEqual(ids(created.filter((job) => job.dataset === 'news_data' && job.stock_ids.includes('AAPL'))));
    expect(news.next_cursor).toBeNull();
  });

  it('pages through every match once, in creation order, by next_cursor', async () => {
    const seen: Job[][] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const next: Page = await page(`limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(next.items);
      cursor = next.next_cursor;
    }
    expect(seen.map((items) => items.length)).toEqual([5, 5, 5, 5, 4]);
    expect(ids(seen.flat())).toEqual(ids(created));
  });

  it('refuses a bad parameter with a 400 naming it', async () => {
    const cases: Array<[string, string]> = [
      ['status=done', 'status must be one of the following values'],
      ['dataset=bars', 'dataset must be one of the following values'],
      ['limit=0', 'limit must not be less than 1'],
      ['limit=501', 'limit must not be greater than 500'],
      ['cursor=nope', 'cursor must be a next_cursor this API answered'],
      [`q=${'x'.repeat(101)}`, 'q must be shorter than or equal to 100 characters'],
    ];
    for (const [query, message] of cases) {
      const answer = await ctx.http().get(`/scheduler/jobs?${query}`).expect(400);
      expect({ query, message: String(answer.body.message) }).toEqual({ query, message: expect.stringContaining(message) });
    }
  });
});

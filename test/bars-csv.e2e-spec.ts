import { useE2eApp } from './support/e2e-context.js';

describe('bars as CSV', () => {
  const ctx = useE2eApp('memory');

  it('answers the stored bars as a CSV download, equal to the JSON, by format=csv or Accept: text/csv', async () => {
    const { job_id } = (await ctx.http().post('/scheduler/jobs').send({ name: 'csv', stock_ids: ['AAPL'], start_date: '2020-09-01', end_date: '2020-11-01' }).expect(201)).body;
    expect(await ctx.runAndWait(job_id)).toMatchObject({ status: 'success' });
    const json = (await ctx.http().get('/market-data/AAPL?from=2020-09-01&to=2020-10-31').expect(200)).body as Array<Record<string, unknown>>;
    expect(json.length).toBeGreaterThan(20);
    const expected = ['date,open,high,low,close,adj_close,volume,source', ...json.map((bar) => [bar.date, bar.open, bar.high, bar.low, bar.close, bar.adj_close ?? '', bar.volume, bar.source].join(','))];

    const csv = await ctx.http().get('/market-data/aapl?from=2020-09-01&to=2020-10-31&format=csv').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="AAPL-1d.csv"');
    expect(csv.text.split('\n')).toEqual([...expected, '']);
    // Numbers read back from the CSV are the stored ones, to the last digit.
    expect(Number(csv.text.split('\n')[1].split(',')[4])).toBe(json[0].close);

    const accepted = await ctx.http().get('/market-data/AAPL?from=2020-09-01&to=2020-10-31').set('Accept', 'text/csv').expect(200);
    expect(accepted.text).toBe(csv.text);
    // format wins over Accept.
    expect((await ctx.http().get('/market-data/AAPL?from=2020-09-01&to=2020-10-31&format=json').set('Accept', 'text/csv').expect(200)).body).toEqual(json);
  });

  it('answers a symbol with nothing stored with the header line only, and refuses another format', async () => {
    expect((await ctx.http().get('/market-data/MSFT?format=csv').expect(200)).text).toBe('date,open,high,low,close,adj_close,volume,source\n');
    const refused = await ctx.http().get('/market-data/AAPL?format=xml').expect(400);
    expect(String(refused.body.message)).toContain('format must be one of the following values: json, csv');
  });
});

import { FAKE_POLYGON_KEY, polygonFixture } from '../../../test/support/fake-polygon.js';
import { usePolygonProvider } from '../../../test/support/polygon-provider-context.js';
import { InvalidResponseError, SymbolNotFoundError } from '../provider-errors.js';

const window = (symbol: string, interval: string, from: string, to: string) => ({ symbol, interval, from: new Date(from), to: new Date(to) });

describe('PolygonMarketDataProvider against the fake Polygon server', () => {
  const context = usePolygonProvider();

  it('maps the documented daily aggregates to bars stamped at the session open, split-adjusted, adj_close null', async () => {
    const { bars } = await context.provider.fetchChart(window('AAPL', '1d', '2020-01-01T00:00:00Z', '2020-01-04T00:00:00Z'));

    expect(bars).toEqual([
      { time: Date.parse('2020-01-02T14:30:00Z'), open: 74.06, high: 75.15, low: 73.7975, close: 75.0875, adj_close: null, volume: 135647456 },
      { time: Date.parse('2020-01-03T14:30:00Z'), open: 74.2875, high: 75.145, low: 74.125, close: 74.3575, adj_close: null, volume: 146535512 },
    ]);
    const [aggs] = context.polygon.requests.filter((r) => r.kind === 'chart');
    // The window's New York dates: 2020-01-01T00:00Z is still 2019-12-31 there.
    expect(aggs.pathname).toBe('/v2/aggs/ticker/AAPL/range/1/day/2019-12-31/2020-01-03');
    expect(aggs.query).toEqual({ adjusted: 'true', sort: 'asc', limit: '50000' });
    expect(aggs.headers.authorization).toBe(`Bearer ${FAKE_POLYGON_KEY}`);
  });

  it('keeps only the bars of [from, to)', async () => {
    const { bars } = await context.provider.fetchChart(window('AAPL', '1d', '2020-01-01T00:00:00Z', '2020-01-03T00:00:00Z'));

    expect(bars.map((b) => b.time)).toEqual([Date.parse('2020-01-02T14:30:00Z')]);
  });

  it('gives the dividends and splits of the window as corporate actions at their session opens', async () => {
    const { actions } = await context.provider.fetchChart(window('AAPL', '1d', '2020-08-01T00:00:00Z', '2021-12-01T00:00:00Z'));

    expect(actions).toEqual([
      { time: Date.parse('2020-08-31T13:30:00Z'), kind: 'split', numerator: 4, denominator: 1 },
      { time: Date.parse('2021-08-06T13:30:00Z'), kind: 'dividend', amount: 0.22 },
      { time: Date.parse('2021-11-05T13:30:00Z'), kind: 'dividend', amount: 0.22 },
    ]);
    const dividends = context.polygon.requests.find((r) => r.kind === 'dividends');
    expect(dividends?.query).toMatchObject({ ticker: 'AAPL', 'ex_dividend_date.gte': '2020-07-31', 'ex_dividend_date.lte': '2021-11-30' });
  });

  it('maps 5m to five-minute aggregates and asks for no corporate actions', async () => {
    await context.provider.fetchChart(window('AAPL', '5m', '2020-01-02T14:30:00Z', '2020-01-02T21:00:00Z'));

    expect(context.polygon.requests.map((r) => r.kind)).toEqual(['chart']);
    expect(context.polygon.requests[0].pathname).toBe('/v2/aggs/ticker/AAPL/range/5/minute/2020-01-02/2020-01-02');
  });

  it('drops intraday aggregates outside the regular session', async () => {
    const minute = (iso: string) => ({ o: 1, h: 1, l: 1, c: 1, v: 10, t: Date.parse(iso) });
    const body = { ...polygonFixture('aggregates-AAPL-1-day'), results: [minute('2020-01-02T13:00:00Z'), minute('2020-01-02T14:30:00Z'), minute('2020-01-02T21:00:00Z')] };
    context.polygon.override('chart', 'AAPL', { body });

    const { bars } = await context.provider.fetchChart(window('AAPL', '1m', '2020-01-02T00:00:00Z', '2020-01-03T00:00:00Z'));

    expect(bars.map((b) => b.time)).toEqual([Date.parse('2020-01-02T14:30:00Z')]);
  });

  it('refuses an interval Polygon lacks without a request', async () => {
    await expect(context.provider.fetchChart(window('AAPL', '3mo', '2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z'))).rejects.toThrow(
      new InvalidResponseError('Polygon has no 3mo bars (requested for AAPL)'),
    );
    expect(context.polygon.requests).toHaveLength(0);
  });

  it('asks for BRK-B as BRK.B and makes no request for ^GSPC', async () => {
    await context.provider.fetchProfile({ symbol: 'BRK-B' }).catch(() => undefined);
    await expect(context.provider.fetchChart(window('^GSPC', '1d', '2020-01-01T00:00:00Z', '2020-01-04T00:00:00Z'))).rejects.toBeInstanceOf(SymbolNotFoundError);

    expect(context.polygon.requests.map((r) => r.pathname)).toEqual(['/v3/reference/tickers/BRK.B']);
  });

  it('answers many symbols from ONE snapshot request, keyed by the job symbols, unknown ones absent', async () => {
    const quotes = await context.provider.fetchQuotes({ symbols: ['BCAT', 'BRK-B', '^GSPC'] });

    expect(quotes).toEqual({
      BCAT: {
        time: 1605192894630,
        price: 20.506,
        change: -0.124,
        change_percent: -0.601,
        volume: 37216,
        open: 20.64,
        day_high: 20.64,
        day_low: 20.506,
        previous_close: 20.63,
        bid: 20.5,
        ask: 20.6,
        market_state: null,
        currency: null,
      },
    });
    expect(context.polygon.requests).toHaveLength(1);
    expect(context.polygon.requests[0].query).toEqual({ tickers: 'BCAT,BRK.B' });
  });

  it('answers a BRK.B snapshot under BRK-B', async () => {
    const snapshot = polygonFixture('snapshot-tickers');
    const [bcat] = snapshot.tickers as Array<Record<string, unknown>>;
    context.polygon.override('quote', '*', { body: { ...snapshot, tickers: [{ ...bcat, ticker: 'BRK.B' }] } });

    expect(Object.keys(await context.provider.fetchQuotes({ symbols: ['BRK-B'] }))).toEqual(['BRK-B']);
  });

  it('maps the ticker details to a profile', async () => {
    expect(await context.provider.fetchProfile({ symbol: 'AAPL' })).toEqual({
      name: 'Apple Inc.',
      sector: null,
      industry: 'ELECTRONIC COMPUTERS',
      country: null,
      website: 'https://www.apple.com',
      employees: 154000,
      summary: expect.stringMatching(/^Apple designs a wide variety of consumer electronic devices/),
      officers: [],
      currency: 'USD',
      exchange: 'XNAS',
    });
  });

  it('maps the news results to articles, asking for the newest `count`', async () => {
    expect(await context.provider.fetchNews({ symbol: 'AAPL', count: 5 })).toEqual([
      {
        id: '8ec638777ca03b553ae516761c2a22ba2fdd2f37befae3ab6fdab74e9e5193eb',
        title: 'Markets are underestimating Fed cuts: UBS By Investing.com - Investing.com UK',
        publisher: 'Investing.com',
        link: 'https://uk.investing.com/news/stock-market-news/markets-are-underestimating-fed-cuts-ubs-3559968',
        published_at: Date.parse('2024-06-24T18:33:53Z'),
        related_tickers: ['UBS'],
      },
    ]);
    expect(context.polygon.requests[0].query).toEqual({ ticker: 'AAPL', limit: '5', order: 'desc', sort: 'published_utc' });
  });

  it('maps the options chain snapshot to the soonest expiration, calls and puts by contract_type', async () => {
    const chain = polygonFixture('options-chain-AAPL');
    const [call] = chain.results as Array<Record<string, Record<string, unknown>>>;
    const put = { ...call, details: { ...call.details, contract_type: 'put', ticker: 'O:AAPL220121P00150000' } };
    const later = { ...call, details: { ...call.details, expiration_date: '2022-02-18' } };
    context.polygon.override('options', 'AAPL', { body: { ...chain, results: [call, put, later] } });

    const answer = await context.provider.fetchOptions({ symbol: 'AAPL' });

    expect(answer.underlying_price).toBe(147);
    expect(answer.expiration_dates).toEqual([Date.UTC(2022, 0, 21), Date.UTC(2022, 1, 18)]);
    expect(answer.expiration).toBe(Date.UTC(2022, 0, 21));
    expect(answer.calls).toEqual([
      {
        contract_symbol: 'O:AAPL211022C000150000',
        strike: 150,
        last_price: 0.05,
        bid: 120.28,
        ask: 120.3,
        change: 4.5,
        volume: 868,
        open_interest: 1543,
        implied_volatility: 5,
        in_the_money: false,
        last_trade_date: 1675280958783,
      },
    ]);
    expect(answer.puts.map((p) => [p.contract_symbol, p.in_the_money])).toEqual([['O:AAPL220121P00150000', true]]);
    expect(context.polygon.requests[0].query).toEqual({ sort: 'expiration_date', order: 'asc', limit: '250' });
  });

  it('asks for the requested expiration', async () => {
    const answer = await context.provider.fetchOptions({ symbol: 'AAPL', expiration: Date.UTC(2022, 0, 21) });

    expect(context.polygon.requests[0].query.expiration_date).toBe('2022-01-21');
    expect(answer.calls).toHaveLength(1);
  });

  it('gives an empty chain for a symbol without options', async () => {
    expect(await context.provider.fetchOptions({ symbol: 'MSFT' })).toEqual({ underlying_price: null, expiration_dates: [], expiration: null, calls: [], puts: [] });
  });
});

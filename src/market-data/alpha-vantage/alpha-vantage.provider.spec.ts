import { alphaVantageFixture, FAKE_ALPHA_VANTAGE_KEY, startFakeAlphaVantage } from '../../../test/support/fake-alpha-vantage.js';
import type { FakeVendor } from '../../../test/support/fake-vendor.js';
import { InvalidResponseError, SymbolNotFoundError } from '../provider-errors.js';
import { AlphaVantageMarketDataProvider } from './alpha-vantage.provider.js';

// Every method through the fake Alpha Vantage over real HTTP, with the documented answers of
// test/fixtures/alpha-vantage/ mapped to the domain values.

const at = (iso: string) => new Date(iso);
let fake: FakeVendor;

const provider = (now = '2025-09-08T12:00:00Z') =>
  new AlphaVantageMarketDataProvider({ apiKey: FAKE_ALPHA_VANTAGE_KEY, baseUrl: fake.url, now: () => Date.parse(now) });

beforeAll(async () => {
  fake = await startFakeAlphaVantage();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

describe('fetchChart', () => {
  it('maps TIME_SERIES_DAILY to bars of [from, to) at the session open (13:30Z in summer), unadjusted, oldest first', async () => {
    const chart = await provider().fetchChart({ symbol: 'IBM', interval: '1d', from: at('2025-09-04T00:00:00Z'), to: at('2025-09-06T00:00:00Z') });
    expect(chart).toEqual({
      bars: [
        { time: Date.parse('2025-09-04T13:30:00Z'), open: 244.5, high: 248.37, low: 243.69, close: 247.18, adj_close: null, volume: 3590172 },
        { time: Date.parse('2025-09-05T13:30:00Z'), open: 248.23, high: 249.03, low: 245.45, close: 248.53, adj_close: null, volume: 3147478 },
      ],
      actions: [],
    });
    expect(fake.requests.map((r) => r.query)).toEqual([{ function: 'TIME_SERIES_DAILY', symbol: 'IBM', outputsize: 'compact', apikey: FAKE_ALPHA_VANTAGE_KEY }]);
  });

  it('stamps a winter date at 14:30Z', async () => {
    const daily = alphaVantageFixture('time-series-daily-IBM.json') as Record<string, Record<string, unknown>>;
    const winter = { ...daily, 'Time Series (Daily)': { '2025-01-15': daily['Time Series (Daily)']['2025-09-05'] } };
    fake.override('daily', 'IBM', { body: winter });
    const { bars } = await provider().fetchChart({ symbol: 'IBM', interval: '1d', from: at('2025-01-01T00:00:00Z'), to: at('2025-02-01T00:00:00Z') });
    expect(bars.map((bar) => new Date(bar.time).toISOString())).toEqual(['2025-01-15T14:30:00.000Z']);
  });

  it('asks for the full daily series when the compact one (the latest 100 sessions) cannot reach back to from', async () => {
    await provider().fetchChart({ symbol: 'IBM', interval: '1d', from: at('2025-04-01T00:00:00Z'), to: at('2025-09-06T00:00:00Z') });
    expect(fake.requests[0].query.outputsize).toBe('full');
  });

  it('maps TIME_SERIES_INTRADAY wall-clock New York stamps to UTC bar starts', async () => {
    const chart = await provider('2024-03-27T00:00:00Z').fetchChart({ symbol: 'IBM', interval: '5m', from: at('2024-03-26T23:40:00Z'), to: at('2024-03-27T00:00:00Z') });
    expect(chart.bars).toEqual([
      { time: Date.parse('2024-03-26T23:45:00Z'), open: 188.6, high: 188.6, low: 188.6, close: 188.6, adj_close: null, volume: 1 },
      { time: Date.parse('2024-03-26T23:55:00Z'), open: 188.71, high: 188.71, low: 188.62, close: 188.62, adj_close: null, volume: 29 },
    ]);
    expect(fake.requests[0].query).toMatchObject({ function: 'TIME_SERIES_INTRADAY', symbol: 'IBM', interval: '5min', outputsize: 'compact' });
  });

  it('leaves out bars outside the window', async () => {
    const { bars } = await provider('2024-03-27T00:00:00Z').fetchChart({ symbol: 'IBM', interval: '5m', from: at('2024-03-26T23:50:00Z'), to: at('2024-03-26T23:55:00Z') });
    expect(bars).toEqual([]);
  });

  it('refuses an interval Alpha Vantage lacks, naming it, without a request', async () => {
    await expect(provider().fetchChart({ symbol: 'IBM', interval: '1wk', from: at('2025-01-01'), to: at('2025-02-01') })).rejects.toThrow(
      new InvalidResponseError('Alpha Vantage has no 1wk bars (requested for IBM)'),
    );
    expect(fake.requests).toHaveLength(0);
  });

  it('asks for BRK-B as BRK.B and makes no request for ^GSPC', async () => {
    await expect(provider().fetchChart({ symbol: 'BRK-B', interval: '1d', from: at('2025-09-01'), to: at('2025-09-06') })).rejects.toThrow(SymbolNotFoundError);
    expect(fake.requests.map((r) => r.query.symbol)).toEqual(['BRK.B']);
    fake.reset();
    await expect(provider().fetchChart({ symbol: '^GSPC', interval: '1d', from: at('2025-09-01'), to: at('2025-09-06') })).rejects.toThrow(SymbolNotFoundError);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('fetchQuotes', () => {
  const msft = {
    price: 112.13,
    change: -0.66,
    change_percent: -0.5852,
    volume: 29062853,
    open: 112.63,
    day_high: 113.17,
    day_low: 110.64,
    previous_close: 112.79,
    bid: null,
    ask: null,
    market_state: null,
    currency: null,
  };

  it('asks GLOBAL_QUOTE once per symbol, stamps the quote at its day’s close and leaves out symbols it does not know', async () => {
    const quotes = await provider().fetchQuotes({ symbols: ['MSFT', 'NOPE', '^GSPC', 'BRK-B'] });
    expect(quotes).toEqual({ MSFT: { time: Date.parse('2018-10-05T20:00:00Z'), ...msft } });
    expect(fake.requests.map((r) => [r.kind, r.query.symbol])).toEqual([['quote', 'MSFT'], ['quote', 'NOPE'], ['quote', 'BRK.B']]);
  });

  it('stamps a quote of the running session with the time it was fetched', async () => {
    const quotes = await provider('2018-10-05T15:00:00Z').fetchQuotes({ symbols: ['MSFT'] });
    expect(quotes.MSFT.time).toBe(Date.parse('2018-10-05T15:00:00Z'));
  });
});

describe('fetchProfile', () => {
  it('maps OVERVIEW to the profile', async () => {
    const profile = await provider().fetchProfile({ symbol: 'IBM' });
    expect(profile).toEqual({
      name: 'International Business Machines',
      sector: 'TECHNOLOGY',
      industry: 'COMPUTER & OFFICE EQUIPMENT',
      country: 'USA',
      website: 'https://www.ibm.com',
      employees: null,
      summary: expect.stringMatching(/^International Business Machines Corporation \(IBM\) is an American multinational/),
      officers: [],
      currency: 'USD',
      exchange: 'NYSE',
    });
    expect(fake.requests.map((r) => r.query)).toEqual([{ function: 'OVERVIEW', symbol: 'IBM', apikey: FAKE_ALPHA_VANTAGE_KEY }]);
  });

  it('answers the {} of an unknown symbol with SymbolNotFoundError', async () => {
    await expect(provider().fetchProfile({ symbol: 'NOPE' })).rejects.toThrow(new SymbolNotFoundError('Alpha Vantage has no NOPE: OVERVIEW answered {}'));
  });
});

describe('fetchEarnings', () => {
  it('maps EARNINGS quarters oldest first ("None" as null) and EARNINGS_CALENDAR’s report date at the session open', async () => {
    const earnings = await provider().fetchEarnings({ symbol: 'IBM' });
    expect(earnings).toEqual({
      next_earnings_dates: [Date.parse('2025-04-23T13:30:00Z')],
      quarters: [
        { quarter_end: '1996-03-31', eps_actual: 1.1, eps_estimate: null, surprise_percent: null },
        { quarter_end: '2024-06-30', eps_actual: 2.43, eps_estimate: 2.2, surprise_percent: 10.4545 },
        { quarter_end: '2024-12-31', eps_actual: 3.92, eps_estimate: 3.78, surprise_percent: 3.7037 },
      ],
    });
    expect(fake.requests.map((r) => [r.kind, r.query.symbol, r.query.horizon])).toEqual([
      ['earnings', 'IBM', undefined],
      ['earnings_calendar', 'IBM', '3month'],
    ]);
  });

  it('answers an unknown symbol with SymbolNotFoundError after one request', async () => {
    await expect(provider().fetchEarnings({ symbol: 'NOPE' })).rejects.toThrow(SymbolNotFoundError);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('fetchNews', () => {
  it('maps NEWS_SENTIMENT’s feed, asking for count articles, newest first', async () => {
    const articles = await provider().fetchNews({ symbol: 'AAPL', count: 1 });
    expect(articles).toEqual([
      {
        id: 'https://www.fool.com/investing/2025/09/26/prediction-this-artificial-intelligence-ai-semicon/',
        title: expect.stringMatching(/^Prediction: This Artificial Intelligence/),
        publisher: 'Motley Fool',
        link: 'https://www.fool.com/investing/2025/09/26/prediction-this-artificial-intelligence-ai-semicon/',
        published_at: Date.parse('2025-09-26T23:30:00Z'),
        related_tickers: ['AAPL', 'NVDA', 'TSM'],
      },
    ]);
    expect(fake.requests[0].query).toEqual({ function: 'NEWS_SENTIMENT', tickers: 'AAPL', limit: '1', sort: 'LATEST', apikey: FAKE_ALPHA_VANTAGE_KEY });
  });

  it('answers "Invalid inputs" (an unknown ticker) with SymbolNotFoundError', async () => {
    await expect(provider().fetchNews({ symbol: 'NOPE', count: 5 })).rejects.toThrow(SymbolNotFoundError);
  });
});

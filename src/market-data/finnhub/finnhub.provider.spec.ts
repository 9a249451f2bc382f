import { FAKE_FINNHUB_KEY } from '../../../test/support/fake-finnhub.js';
import { useFinnhubProvider } from '../../../test/support/finnhub-provider-context.js';
import { NoDataError, SymbolNotFoundError } from '../provider-errors.js';
import { isoDate } from './finnhub-values.js';

const DAY_MS = 86_400_000;

describe('FinnhubMarketDataProvider through the fake Finnhub', () => {
  const finnhub = useFinnhubProvider();

  it('sends the key in the X-Finnhub-Token header, never in the URL', async () => {
    await finnhub.provider.fetchProfile({ symbol: 'AAPL' });
    expect(finnhub.fake.requests).toHaveLength(1);
    expect(finnhub.fake.requests[0].headers['x-finnhub-token']).toBe(FAKE_FINNHUB_KEY);
    expect(finnhub.fake.requests[0].query).toEqual({ symbol: 'AAPL' });
  });

  describe('fetchQuotes', () => {
    it("maps the documented /quote answer: what Finnhub lacks is null, t's seconds are ms", async () => {
      expect(await finnhub.provider.fetchQuotes({ symbols: ['AAPL'] })).toEqual({
        AAPL: {
          time: 1_582_641_000_000,
          price: 261.74,
          change: null,
          change_percent: null,
          volume: null,
          open: 261.07,
          day_high: 263.31,
          day_low: 260.68,
          previous_close: 259.45,
          bid: null,
          ask: null,
          market_state: null,
          currency: null,
        },
      });
    });

    it('asks one request per symbol, BRK-B as BRK.B keyed back as BRK-B, ^GSPC not at all, an unknown symbol absent', async () => {
      finnhub.fake.override('quote', 'BRK.B', { body: { c: 412.5, d: -1.5, dp: -0.3623, h: 415, l: 410.1, o: 414, pc: 414, t: 1_700_000_000 } });
      const quotes = await finnhub.provider.fetchQuotes({ symbols: ['AAPL', '^GSPC', 'BRK-B', 'ZZZZ'] });
      expect(finnhub.fake.requests.map((r) => r.query.symbol)).toEqual(['AAPL', 'BRK.B', 'ZZZZ']);
      expect(Object.keys(quotes)).toEqual(['AAPL', 'BRK-B']);
      expect(quotes['BRK-B']).toMatchObject({ time: 1_700_000_000_000, price: 412.5, change: -1.5, change_percent: -0.3623 });
    });
  });

  describe('fetchProfile', () => {
    it('maps the documented /stock/profile2 answer', async () => {
      expect(await finnhub.provider.fetchProfile({ symbol: 'AAPL' })).toEqual({
        name: 'Apple Inc',
        sector: null,
        industry: 'Technology',
        country: 'US',
        website: 'https://www.apple.com/',
        employees: null,
        summary: null,
        officers: [],
        currency: 'USD',
        exchange: 'NASDAQ/NMS (GLOBAL MARKET)',
      });
    });

    it("is SymbolNotFoundError for Finnhub's {} answer to an unknown symbol", async () => {
      await expect(finnhub.provider.fetchProfile({ symbol: 'ZZZZ' })).rejects.toThrow(SymbolNotFoundError);
    });

    it('makes no request for a symbol only Yahoo knows', async () => {
      await expect(finnhub.provider.fetchProfile({ symbol: '^GSPC' })).rejects.toThrow(new SymbolNotFoundError('finnhub has no ^GSPC: indices, currencies, futures and crypto pairs come from Yahoo only'));
      expect(finnhub.fake.requests).toEqual([]);
    });
  });

  describe('fetchEarnings', () => {
    it('maps /stock/earnings quarters oldest first and /calendar/earnings dates at the session they reach (amc: the close)', async () => {
      expect(await finnhub.provider.fetchEarnings({ symbol: 'AAPL' })).toEqual({
        next_earnings_dates: [Date.UTC(2019, 9, 30, 20), Date.UTC(2020, 0, 28, 21)],
        quarters: [
          { quarter_end: '2022-09-30', eps_actual: 1.2, eps_estimate: 1.1855, surprise_percent: 1.2231 },
          { quarter_end: '2022-12-31', eps_actual: 1.29, eps_estimate: 1.2957, surprise_percent: -0.4399 },
          { quarter_end: '2023-03-31', eps_actual: 1.88, eps_estimate: 1.9744, surprise_percent: -4.7812 },
        ],
      });
    });

    it('asks the calendar for the coming 120 days of the symbol, as Finnhub writes it', async () => {
      await expect(finnhub.provider.fetchEarnings({ symbol: 'BRK-B' })).rejects.toThrow(NoDataError);
      const calendar = finnhub.fake.requests.find((r) => r.kind === 'earnings_calendar');
      const today = Date.now();
      expect(calendar?.query).toEqual({ symbol: 'BRK.B', from: isoDate(new Date(today)), to: isoDate(new Date(today + 120 * DAY_MS)) });
      expect(finnhub.fake.requests.find((r) => r.kind === 'earnings')?.query).toEqual({ symbol: 'BRK.B' });
    });
  });

  describe('fetchNews', () => {
    it('maps the documented /company-news answer, newest first, keeping count', async () => {
      const articles = await finnhub.provider.fetchNews({ symbol: 'AAPL', count: 2 });
      expect(articles.map((a) => a.id)).toEqual(['25286', '25287']);
      expect(articles[0]).toEqual({
        id: '25286',
        title:
          'More sops needed to boost electronic manufacturing: Top govt official More sops needed to boost electronic manufacturing: Top govt official.  More sops needed to boost electronic manufacturing: Top govt official More sops needed to boost electronic manufacturing: Top govt official',
        publisher: 'The Economic Times India',
        link: 'https://economictimes.indiatimes.com/industry/cons-products/electronics/more-sops-needed-to-boost-electronic-manufacturing-top-govt-official/articleshow/71321308.cms',
        published_at: 1_569_550_360_000,
        related_tickers: ['AAPL'],
      });
    });

    it('asks the last 7 days; an unknown symbol has no articles', async () => {
      expect(await finnhub.provider.fetchNews({ symbol: 'ZZZZ', count: 10 })).toEqual([]);
      const today = Date.now();
      expect(finnhub.fake.requests[0].query).toEqual({ symbol: 'ZZZZ', from: isoDate(new Date(today - 7 * DAY_MS)), to: isoDate(new Date(today)) });
    });
  });

  describe('fetchEconomicEvents', () => {
    const week = { from: new Date('2020-06-01T00:00:00Z'), to: new Date('2020-06-07T23:59:59Z') };

    it('maps the documented /calendar/economic answer, its times UTC', async () => {
      const events = await finnhub.provider.fetchEconomicEvents({ ...week, countries: [] });
      expect(finnhub.fake.requests[0].query).toEqual({ from: '2020-06-01', to: '2020-06-07' });
      expect(events).toEqual([
        { time: Date.UTC(2020, 5, 2, 1, 30), country: 'AU', event: 'Australia - Current Account Balance', impact: 'low', actual: 8.4, estimate: 6.9, previous: 1, unit: 'AUD' },
        { time: Date.UTC(2020, 5, 2, 1, 30), country: 'AU', event: 'Australia- Net Exports', impact: 'low', actual: 0.5, estimate: 0.4, previous: -0.1, unit: '%' },
      ]);
    });

    it("keeps the request's countries and window only", async () => {
      expect(await finnhub.provider.fetchEconomicEvents({ ...week, countries: ['US'] })).toEqual([]);
      expect(await finnhub.provider.fetchEconomicEvents({ ...week, countries: ['AU', 'US'] })).toHaveLength(2);
      expect(await finnhub.provider.fetchEconomicEvents({ from: new Date('2020-06-02T01:31:00Z'), to: week.to, countries: [] })).toEqual([]);
    });
  });
});

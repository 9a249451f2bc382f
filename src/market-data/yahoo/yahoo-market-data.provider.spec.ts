import { Logger } from '@nestjs/common';
import { startFakeYahoo, type FakeYahoo } from '../../../test/support/fake-yahoo.js';
import { CHART_RECORDINGS, loadRecording } from '../../../test/support/fake-yahoo-fixtures.js';
import type { Bar } from '../bar.js';
import { InvalidResponseError } from '../provider-errors.js';
import { YahooMarketDataProvider } from './yahoo-market-data.provider.js';

interface RawChart {
  chart: {
    result: Array<{
      timestamp: number[];
      indicators: {
        quote: Array<Record<'open' | 'high' | 'low' | 'close' | 'volume', Array<number | null>>>;
        adjclose: Array<{ adjclose: number[] }>;
      };
    }>;
  };
}

/** The bars a recording should map to, computed straight from its JSON arrays. */
async function recordedBars(symbol: string): Promise<Bar[]> {
  const [result] = ((await loadRecording(CHART_RECORDINGS[symbol])).json as RawChart).chart.result;
  const [q] = result.indicators.quote;
  const adj = result.indicators.adjclose[0].adjclose;
  return result.timestamp.map((t, i) => ({
    time: t * 1000,
    open: q.open[i] as number,
    high: q.high[i] as number,
    low: q.low[i] as number,
    close: q.close[i] as number,
    adj_close: adj[i],
    volume: q.volume[i] as number,
  }));
}

const daily = (symbol: string, from = '2020-01-01', to = '2020-01-03') => ({
  symbol,
  interval: '1d',
  from: new Date(`${from}T00:00:00Z`),
  to: new Date(`${to}T00:00:00Z`),
});

describe('YahooMarketDataProvider against the fake Yahoo server', () => {
  let yahoo: FakeYahoo;
  let provider: YahooMarketDataProvider;

  beforeAll(async () => {
    Logger.overrideLogger(['error', 'warn']);
    yahoo = await startFakeYahoo();
    provider = new YahooMarketDataProvider({ baseUrl: yahoo.url });
  });
  afterEach(() => yahoo.reset());
  afterAll(() => yahoo.close());

  it('maps the 49 AAPL daily quotes to bars, epoch ms and adj_close included', async () => {
    const { bars } = await provider.fetchChart(daily('AAPL', '2020-08-31', '2020-11-07'));

    expect(bars).toHaveLength(49);
    expect(bars[0]).toEqual({
      time: 1598880600_000,
      open: 127.58000183105469,
      high: 131,
      low: 126,
      close: 129.0399932861328,
      adj_close: 125.82673645019531,
      volume: 225702700,
    });
    expect(bars[48]).toMatchObject({ time: 1604673000_000, close: 118.69000244140625, adj_close: 115.93415069580078 });
    expect(bars).toEqual(await recordedBars('AAPL'));
  });

  it('sends one chart request with the original path and query to the base URL', async () => {
    await provider.fetchChart(daily('AAPL', '2020-08-31', '2020-11-07'));

    expect(yahoo.requests).toHaveLength(1);
    expect(yahoo.requests[0]).toMatchObject({ method: 'GET', pathname: '/v8/finance/chart/AAPL' });
    expect(yahoo.requests[0].query).toEqual({
      useYfid: 'true',
      interval: '1d',
      includePrePost: 'true',
      events: 'div|split',
      lang: 'en-US',
      period1: '1598832000',
      period2: '1604707200',
    });
  });

  it('maps a year of MSFT (252 bars), crypto and a London listing', async () => {
    const { bars: msft } = await provider.fetchChart(daily('MSFT', '2021-02-01', '2022-01-31'));
    expect(msft).toHaveLength(252);
    expect(msft).toEqual(await recordedBars('MSFT'));
    expect(msft[251]).toMatchObject({ time: 1643380200_000, close: 308.260009765625, volume: 49743700 });

    const { bars: btc } = await provider.fetchChart(daily('BTC-USD'));
    expect(btc.map((bar) => bar.time)).toEqual([1577836800_000, 1577923200_000, 1578009600_000]);
    expect(btc).toEqual(await recordedBars('BTC-USD'));

    const { bars: ocado } = await provider.fetchChart(daily('OCDO.L'));
    expect(ocado).toEqual([
      { time: 1577952000_000, open: 1279.5, high: 1286.5699462890625, low: 1258, close: 1259.5, adj_close: 1259.5, volume: 728520 },
    ]);
    expect(yahoo.requests.map((r) => r.pathname)).toEqual([
      '/v8/finance/chart/MSFT',
      '/v8/finance/chart/BTC-USD',
      '/v8/finance/chart/OCDO.L',
    ]);
  });

  it('turns a null price or volume into NaN, for the validator to drop and count, and keeps the rest', async () => {
    const body = (await loadRecording(CHART_RECORDINGS['BTC-USD'])).json as RawChart;
    body.chart.result[0].indicators.quote[0].close[1] = null;
    body.chart.result[0].indicators.quote[0].volume[2] = null;
    yahoo.override('BTC-USD', { body });

    const { bars } = await provider.fetchChart(daily('BTC-USD'));
    const recorded = await recordedBars('BTC-USD');
    expect(bars).toEqual([recorded[0], { ...recorded[1], close: Number.NaN }, { ...recorded[2], volume: Number.NaN }]);
  });

  it('returns an empty array for a window without trading (1m, weekend)', async () => {
    const { bars } = await provider.fetchChart({
      symbol: 'AAPL',
      interval: '1m',
      from: new Date('2025-02-01T00:00:00Z'),
      to: new Date('2025-02-02T00:00:00Z'),
    });
    expect(bars).toEqual([]);
    expect(yahoo.requests[0].query.interval).toBe('1m');
  });

  it('makes no request for an unsupported interval or an empty window', async () => {
    await expect(provider.fetchChart({ ...daily('AAPL'), interval: '7m' })).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(provider.fetchChart(daily('AAPL', '2020-01-03', '2020-01-03'))).resolves.toEqual({ bars: [], actions: [] });
    const subSecond = { ...daily('AAPL'), from: new Date(1577836800_100), to: new Date(1577836800_900) };
    await expect(provider.fetchChart(subSecond)).resolves.toEqual({ bars: [], actions: [] });
    expect(yahoo.requests).toEqual([]);
  });

  it('returns the splits and dividends of the window as corporate actions', async () => {
    const aapl = await provider.fetchChart(daily('AAPL', '2020-08-31', '2020-11-07'));
    expect(aapl.actions).toEqual([
      { time: 1598880600_000, kind: 'split', numerator: 4, denominator: 1 },
      { time: 1604673000_000, kind: 'dividend', amount: 0.205 },
    ]);
    const msft = await provider.fetchChart(daily('MSFT', '2021-02-01', '2022-01-31'));
    expect(msft.actions.map((a) => (a.kind === 'dividend' ? a.amount : null))).toEqual([0.56, 0.56, 0.56, 0.62]);
    expect((await provider.fetchChart(daily('GOOG'))).actions).toEqual([]);
  });
});

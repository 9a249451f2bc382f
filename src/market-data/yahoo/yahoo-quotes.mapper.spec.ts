import { editedRecording, recordedBody, requestLines, useYahooProvider } from '../../../test/support/yahoo-provider-context.js';
import { syntheticQuotes } from '../../../test/support/synthetic-quotes.js';
import type { Quote } from '../../datasets/stock-quotes/quote.js';

type RawQuote = Record<string, unknown> & { symbol: string };
interface RawQuotes {
  quoteResponse: { result: RawQuote[] };
}

/** The quote a recorded entry should map to, read straight from its JSON. */
function expectedQuote(q: RawQuote): Quote {
  return {
    time: (q.regularMarketTime as number) * 1000,
    price: q.regularMarketPrice as number,
    change: q.regularMarketChange as number,
    change_percent: q.regularMarketChangePercent as number,
    volume: q.regularMarketVolume as number,
    open: q.regularMarketOpen as number,
    day_high: q.regularMarketDayHigh as number,
    day_low: q.regularMarketDayLow as number,
    previous_close: q.regularMarketPreviousClose as number,
    bid: (q.bid as number | undefined) ?? null,
    ask: (q.ask as number | undefined) ?? null,
    market_state: q.marketState as string,
    currency: q.currency as string,
  };
}

async function recordedQuotes(file: string): Promise<Record<string, Quote>> {
  const { quoteResponse } = await recordedBody<RawQuotes>(file);
  return Object.fromEntries(quoteResponse.result.map((q) => [q.symbol, expectedQuote(q)]));
}

describe('YahooMarketDataProvider.fetchQuotes through yahoo-finance2 and the fake Yahoo', () => {
  const ctx = useYahooProvider();

  it('answers a batch with one quote request, after the cookie and crumb steps, with the recorded values', async () => {
    const quotes = await ctx.provider.fetchQuotes({ symbols: ['AAPL', 'BABA'] });

    // The fake composes batches from per-symbol recordings; Yahoo's own two-symbol answer maps the same.
    expect(quotes).toEqual(await recordedQuotes('quote-AAPL-BABA.json'));
    expect(quotes.AAPL).toMatchObject({ time: 1739566800_000, price: 244.6, market_state: 'CLOSED', currency: 'USD' });
    expect(requestLines(ctx.yahoo.requests)).toEqual(['cookie /quote/AAPL', 'crumb /v1/test/getcrumb', 'quote /v7/finance/quote']);
    expect(ctx.yahoo.requests[2].query).toMatchObject({ symbols: 'AAPL,BABA', crumb: 'haT3oykhHqZ' });
  });

  it('keeps the cookie and crumb for later requests of the same provider', async () => {
    await ctx.provider.fetchQuotes({ symbols: ['AAPL'] });
    await ctx.provider.fetchQuotes({ symbols: ['GOOG', 'AMZN', 'BTC-USD'] });
    await ctx.provider.fetchOptions({ symbol: 'AAPL' });

    expect(requestLines(ctx.yahoo.requests)).toEqual([
      'cookie /quote/AAPL',
      'crumb /v1/test/getcrumb',
      'quote /v7/finance/quote',
      'quote /v7/finance/quote',
      'options /v7/finance/options/AAPL',
    ]);
    expect(ctx.yahoo.requests.slice(2).map((r) => r.query.crumb)).toEqual(['haT3oykhHqZ', 'haT3oykhHqZ', 'haT3oykhHqZ']);
  });

  it('answers only the symbols Yahoo knows: an unknown one is absent, not an error', async () => {
    const quotes = await ctx.provider.fetchQuotes({ symbols: ['AAPL', 'NOSUCHSYMBOL'] });

    expect(quotes).toEqual({ AAPL: (await recordedQuotes('quote-AAPL.json')).AAPL });
    expect(ctx.yahoo.requests.filter((r) => r.kind === 'quote').map((r) => r.symbols)).toEqual([['AAPL', 'NOSUCHSYMBOL']]);
  });

  it('maps a crypto quote without bid and ask to nulls', async () => {
    const quotes = await ctx.provider.fetchQuotes({ symbols: ['BTC-USD'] });
    expect(quotes).toEqual(await recordedQuotes('quote-BTC-USD.json'));
    expect(quotes['BTC-USD']).toMatchObject({ bid: null, ask: null, market_state: 'REGULAR' });
  });

  it('turns one malformed quote’s price and time into NaN and leaves the rest of the batch whole', async () => {
    ctx.yahoo.override(
      'AAPL',
      {
        body: editedRecording<RawQuotes>(({ quoteResponse }) => {
          const aapl = quoteResponse.result.find((q) => q.symbol === 'AAPL')!;
          Object.assign(aapl, { regularMarketPrice: null, regularMarketTime: 'yesterday', regularMarketVolume: 'many' });
        }),
      },
      'quote',
    );

    const quotes = await ctx.provider.fetchQuotes({ symbols: ['AAPL', 'GOOG'] });
    const recorded = { ...(await recordedQuotes('quote-AAPL.json')), ...(await recordedQuotes('quote-GOOG.json')) };
    expect(quotes.GOOG).toEqual(recorded.GOOG);
    expect(quotes.AAPL).toEqual({ ...recorded.AAPL, price: Number.NaN, time: Number.NaN, volume: null });
  });

  it('answers a batch of any 50 symbols from the benchmarks’ synthetic quotes, at the time they set', async () => {
    let time = 1_800_000_000;
    ctx.yahoo.override('*', { body: await syntheticQuotes({ time: () => time }) }, 'quote');
    const symbols = Array.from({ length: 50 }, (_, i) => `SYN${i}`);

    const first = await ctx.provider.fetchQuotes({ symbols });
    time += 60;
    const second = await ctx.provider.fetchQuotes({ symbols });

    const aapl = (await recordedQuotes('quote-AAPL.json')).AAPL;
    expect(Object.keys(first)).toEqual(symbols);
    expect(first.SYN7).toEqual({ ...aapl, time: 1_800_000_000_000 });
    expect(second.SYN49).toEqual({ ...aapl, time: 1_800_000_060_000 });
    expect(ctx.yahoo.requests.filter((r) => r.kind === 'quote')).toHaveLength(2);
  });

  it('makes no request for an empty batch', async () => {
    await expect(ctx.provider.fetchQuotes({ symbols: [] })).resolves.toEqual({});
    expect(ctx.yahoo.requests).toEqual([]);
  });
});

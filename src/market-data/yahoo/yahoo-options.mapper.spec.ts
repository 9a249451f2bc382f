import { jest } from '@jest/globals';
import { editedRecording, recordedBody, useYahooProvider } from '../../../test/support/yahoo-provider-context.js';
import type { OptionChain, OptionContract } from '../../datasets/options-chain/option-chain.js';
import { InvalidResponseError } from '../provider-errors.js';

type RawContract = Record<string, unknown>;
interface RawOptions {
  optionChain: {
    result: Array<{
      expirationDates: number[];
      quote: { regularMarketPrice: number };
      options: Array<{ expirationDate: number; calls: RawContract[]; puts: RawContract[] }>;
    }>;
  };
}

const orNull = (value: unknown) => (value === undefined ? null : value);

function expectedContract(c: RawContract): OptionContract {
  return {
    contract_symbol: c.contractSymbol as string,
    strike: c.strike as number,
    last_price: orNull(c.lastPrice) as number | null,
    bid: orNull(c.bid) as number | null,
    ask: orNull(c.ask) as number | null,
    change: orNull(c.change) as number | null,
    volume: orNull(c.volume) as number | null,
    open_interest: orNull(c.openInterest) as number | null,
    implied_volatility: orNull(c.impliedVolatility) as number | null,
    in_the_money: c.inTheMoney as boolean,
    last_trade_date: (c.lastTradeDate as number) * 1000,
  };
}

/** The chain a recording should map to, read straight from its JSON. */
async function recordedChain(file: string): Promise<OptionChain> {
  const [result] = (await recordedBody<RawOptions>(file)).optionChain.result;
  const [chain] = result.options;
  return {
    underlying_price: result.quote.regularMarketPrice,
    expiration_dates: result.expirationDates.map((s) => s * 1000),
    expiration: chain.expirationDate * 1000,
    calls: chain.calls.map(expectedContract),
    puts: chain.puts.map(expectedContract),
  };
}

describe('YahooMarketDataProvider.fetchOptions through yahoo-finance2 and the fake Yahoo', () => {
  const ctx = useYahooProvider();

  it.each([
    ['AAPL', 'options-AAPL.json', 54, 48],
    ['AMZN', 'options-AMZN.json', 56, 50],
    ['GOOG', 'options-GOOG.json', 43, 38],
  ])('maps %s’s nearest expiration and every listed date as recorded', async (symbol, file, calls, puts) => {
    const chain = await ctx.provider.fetchOptions({ symbol });

    expect(chain).toEqual(await recordedChain(file));
    expect([chain.calls.length, chain.puts.length]).toEqual([calls, puts]);
    expect(ctx.yahoo.requests.at(-1)).toMatchObject({ kind: 'options', pathname: `/v7/finance/options/${symbol}` });
    expect(ctx.yahoo.requests.at(-1)?.query.date).toBeUndefined();
  });

  it('asks for one expiration with date= in epoch seconds', async () => {
    const chain = await ctx.provider.fetchOptions({ symbol: 'AAPL', expiration: Date.UTC(2022, 2, 1) });

    expect(ctx.yahoo.requests.at(-1)?.query).toMatchObject({ date: '1646092800', crumb: 'haT3oykhHqZ' });
    expect(chain).toEqual(await recordedChain('options-AAPL-expire-2022-03-01.json'));
    expect(chain).toMatchObject({ expiration: Date.UTC(2022, 2, 1), calls: [], puts: [] });
  });

  it('gets an empty chain from the fake for a listed date it has no recording of', async () => {
    const { expiration_dates } = await recordedChain('options-AAPL.json');
    const chain = await ctx.provider.fetchOptions({ symbol: 'AAPL', expiration: expiration_dates[1] });
    expect(chain).toMatchObject({ expiration_dates, expiration: expiration_dates[1], calls: [], puts: [] });
  });

  it('keeps a contract without a strike, as NaN for the validator, and the rest as recorded', async () => {
    ctx.yahoo.override('AAPL', { body: editedRecording<RawOptions>((b) => delete b.optionChain.result[0].options[0].calls[1].strike) }, 'options');

    const chain = await ctx.provider.fetchOptions({ symbol: 'AAPL' });
    const recorded = await recordedChain('options-AAPL.json');
    expect(chain.calls[1]).toEqual({ ...recorded.calls[1], strike: Number.NaN });
    expect(chain.calls.filter((_, i) => i !== 1)).toEqual(recorded.calls.filter((_, i) => i !== 1));
    expect(chain.puts).toEqual(recorded.puts);
  });

  it('throws SymbolNotFoundError for a symbol Yahoo lists no options for (an empty result)', async () => {
    // yahoo-finance2 prints the schema it validated the missing result against with console.log.
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await expect(ctx.provider.fetchOptions({ symbol: 'NOSUCHSYMBOL' })).rejects.toThrow(
        expect.objectContaining({ name: 'SymbolNotFoundError', message: 'Yahoo lists no options for NOSUCHSYMBOL' }),
      );
    } finally {
      log.mockRestore();
    }
  });

  it('throws InvalidResponseError for an answer without a list of expiration dates', async () => {
    ctx.yahoo.override('AAPL', { body: editedRecording<RawOptions>((b) => Reflect.deleteProperty(b.optionChain.result[0], 'expirationDates')) }, 'options');
    await expect(ctx.provider.fetchOptions({ symbol: 'AAPL' })).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

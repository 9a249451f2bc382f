import { editedRecording, recordedBody, useYahooProvider } from '../../../test/support/yahoo-provider-context.js';
import type { CompanyProfile } from '../../datasets/company-info/company-profile.js';
import { SymbolNotFoundError } from '../provider-errors.js';

interface RawSummary<M extends string> {
  quoteSummary: { result: Array<Record<M, Record<string, unknown>>> };
}

/** The profile the symbol's assetProfile and price recordings should map to, read straight from their JSON. */
async function recordedProfile(symbol: string): Promise<CompanyProfile> {
  const [{ assetProfile: a }] = (await recordedBody<RawSummary<'assetProfile'>>(`quoteSummary-assetProfile-${symbol}.json`)).quoteSummary.result;
  const [{ price: p }] = (await recordedBody<RawSummary<'price'>>(`quoteSummary-price-${symbol}.json`)).quoteSummary.result;
  const officers = a.companyOfficers as Array<{ name: string; title: string }>;
  return {
    name: p.longName as string,
    sector: a.sector as string,
    industry: a.industry as string,
    country: a.country as string,
    website: a.website as string,
    employees: a.fullTimeEmployees as number,
    summary: a.longBusinessSummary as string,
    officers: officers.map(({ name, title }) => ({ name, title })),
    currency: p.currency as string,
    exchange: p.exchangeName as string,
  };
}

describe('YahooMarketDataProvider.fetchProfile through yahoo-finance2 and the fake Yahoo', () => {
  const ctx = useYahooProvider();

  it.each(['AAPL', 'AMZN', 'GOOG'])('maps %s’s assetProfile and price modules as recorded, in one quoteSummary request', async (symbol) => {
    const profile = await ctx.provider.fetchProfile({ symbol });

    expect(profile).toEqual(await recordedProfile(symbol));
    expect(ctx.yahoo.requests.at(-1)).toMatchObject({ kind: 'quoteSummary', pathname: `/v10/finance/quoteSummary/${symbol}` });
    expect(ctx.yahoo.requests.at(-1)?.query).toMatchObject({ modules: 'assetProfile,price', formatted: 'false', crumb: 'haT3oykhHqZ' });
  });

  it('names AAPL’s CEO first, with the exchange’s name rather than its code', async () => {
    const profile = await ctx.provider.fetchProfile({ symbol: 'AAPL' });
    expect(profile.officers[0]).toEqual({ name: 'Mr. Timothy D. Cook', title: 'CEO & Director' });
    expect(profile).toMatchObject({ name: 'Apple Inc.', exchange: 'NasdaqGS', currency: 'USD', employees: 150000 });
  });

  it('gives null for what a module lacks, and the short name without a long one', async () => {
    ctx.yahoo.override(
      'AAPL',
      {
        body: editedRecording<RawSummary<'assetProfile' | 'price'>>(({ quoteSummary }) => {
          const [result] = quoteSummary.result;
          for (const field of ['sector', 'website', 'fullTimeEmployees']) delete result.assetProfile[field];
          result.price.longName = null;
        }),
      },
      'quoteSummary',
    );
    const profile = await ctx.provider.fetchProfile({ symbol: 'AAPL' });
    expect(profile).toEqual({ ...(await recordedProfile('AAPL')), sector: null, website: null, employees: null, name: 'Apple Inc.' });
  });

  it('throws SymbolNotFoundError for a symbol without these modules (recorded 404) and for an unknown one', async () => {
    await expect(ctx.provider.fetchProfile({ symbol: 'WSKT.JK' })).rejects.toThrow(
      expect.objectContaining({ name: 'SymbolNotFoundError', message: expect.stringContaining('No fundamentals data found') }),
    );
    await expect(ctx.provider.fetchProfile({ symbol: 'NOSUCHSYMBOL' })).rejects.toBeInstanceOf(SymbolNotFoundError);
  });

  it('throws InvalidResponseError when the answer fails yahoo-finance2’s schema', async () => {
    ctx.yahoo.override('AAPL', { body: editedRecording<RawSummary<'assetProfile'>>((b) => (b.quoteSummary.result[0].assetProfile.companyOfficers = 'none')) }, 'quoteSummary');
    await expect(ctx.provider.fetchProfile({ symbol: 'AAPL' })).rejects.toThrow(
      expect.objectContaining({ name: 'InvalidResponseError', message: expect.stringContaining('/assetProfile/companyOfficers') }),
    );
  });
});

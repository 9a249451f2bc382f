import { editedRecording, recordedBody, useYahooProvider } from '../../../test/support/yahoo-provider-context.js';
import { InvalidResponseError, SymbolNotFoundError } from '../provider-errors.js';
import { quarterEndOfLabel, toEarnings } from './yahoo-earnings.mapper.js';

type Raw = { raw: number };
interface RawHistory {
  quoteSummary: { result: [{ earningsHistory: { history: Array<Record<'quarter' | 'epsActual' | 'epsEstimate' | 'surprisePercent', Raw>> } }] };
}
interface RawEarnings {
  quoteSummary: { result: [{ earnings: { earningsChart: { quarterly: Array<{ date: string; actual: number; estimate: number }> } } }] };
}
interface RawCalendar {
  quoteSummary: { result: [{ calendarEvents: { earnings: { earningsDate: number[] } } }] };
}
type RawMerged = { quoteSummary: { result: [RawHistory['quoteSummary']['result'][0] & Record<string, unknown>] } };

const historyOf = async (symbol: string) =>
  (await recordedBody<RawHistory>(`quoteSummary-earningsHistory-${symbol}.json`)).quoteSummary.result[0].earningsHistory.history;
const chartOf = async (symbol: string) =>
  (await recordedBody<RawEarnings>(`quoteSummary-earnings-${symbol}.json`)).quoteSummary.result[0].earnings.earningsChart.quarterly;
const isoDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

describe('YahooMarketDataProvider.fetchEarnings through yahoo-finance2 and the fake Yahoo', () => {
  const ctx = useYahooProvider();

  it.each(['AAPL', 'AMZN', 'GOOG'])('maps %s’s earningsHistory quarters and calendarEvents dates as recorded', async (symbol) => {
    const earnings = await ctx.provider.fetchEarnings({ symbol });

    const history = await historyOf(symbol);
    expect(earnings.quarters).toEqual(
      history.map((h) => ({
        quarter_end: isoDay(h.quarter.raw),
        eps_actual: h.epsActual.raw,
        eps_estimate: h.epsEstimate.raw,
        surprise_percent: expect.closeTo(h.surprisePercent.raw * 100, 4) as number,
      })),
    );
    const calendar = await recordedBody<RawCalendar>(`quoteSummary-calendarEvents-${symbol}.json`);
    expect(earnings.next_earnings_dates).toEqual(calendar.quoteSummary.result[0].calendarEvents.earnings.earningsDate.map((s) => s * 1000));
    expect(ctx.yahoo.requests.at(-1)?.query).toMatchObject({ modules: 'earnings,earningsHistory,calendarEvents', crumb: 'haT3oykhHqZ' });
  });

  it('stores the surprise as a percentage: Yahoo’s 0.020499999 is 2.05', async () => {
    const { quarters } = await ctx.provider.fetchEarnings({ symbol: 'AAPL' });
    expect(quarters.map((q) => [q.quarter_end, q.surprise_percent])).toEqual([
      ['2024-03-31', 2.05],
      ['2024-06-30', 4.41],
      ['2024-09-30', 2.48],
      ['2024-12-31', 2.52],
    ]);
    expect(quarters[0]).toMatchObject({ eps_actual: 1.53, eps_estimate: 1.49923 });
  });

  it('fills a quarter the history lacks from the earnings chart, without a surprise', async () => {
    ctx.yahoo.override('AAPL', { body: editedRecording<RawMerged>((b) => b.quoteSummary.result[0].earningsHistory.history.splice(1, 1)) }, 'quoteSummary');

    const { quarters } = await ctx.provider.fetchEarnings({ symbol: 'AAPL' });
    const chart = await chartOf('AAPL');
    expect(quarters.map((q) => q.quarter_end)).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
    expect(quarters[1]).toEqual({ quarter_end: '2024-06-30', eps_actual: chart[1].actual, eps_estimate: chart[1].estimate, surprise_percent: null });
  });

  it('throws SymbolNotFoundError for an unknown symbol and InvalidResponseError for an answer without the modules', async () => {
    await expect(ctx.provider.fetchEarnings({ symbol: 'NOSUCHSYMBOL' })).rejects.toBeInstanceOf(SymbolNotFoundError);
    ctx.yahoo.override('AAPL', { body: { quoteSummary: { result: [{}], error: null } } }, 'quoteSummary');
    await expect(ctx.provider.fetchEarnings({ symbol: 'AAPL' })).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe('earnings chart quarters', () => {
  it.each(['AAPL', 'AMZN', 'GOOG'])('%s: each chart label names the quarter end of the history entry with the same EPS and estimate', async (symbol) => {
    const history = await historyOf(symbol);
    for (const quarter of await chartOf(symbol)) {
      const entry = history.find((h) => h.epsActual.raw === quarter.actual && h.epsEstimate.raw === quarter.estimate);
      expect([quarter.date, quarterEndOfLabel(quarter.date)]).toEqual([quarter.date, isoDay(entry!.quarter.raw)]);
    }
  });

  it('reads labels of the form nQyyyy only', () => {
    expect(['1Q2024', '4Q1999', '5Q2024', 'Q1 2024', 2024, undefined].map(quarterEndOfLabel)).toEqual(['2024-03-31', '1999-12-31', null, null, null, null]);
  });

  it('prefers a chart quarter’s own end date, then its calendar label, to the label in `date`', () => {
    const answer = {
      earnings: {
        earningsChart: {
          quarterly: [
            { date: '2Q2024', periodEndDate: Date.UTC(2024, 2, 30) / 1000, actual: 1 },
            { date: '3Q2024', calendarQuarter: '2Q2024', actual: 2 },
          ],
        },
      },
    };
    expect(toEarnings(answer, 'X').quarters.map((q) => [q.quarter_end, q.eps_actual])).toEqual([
      ['2024-03-30', 1],
      ['2024-06-30', 2],
    ]);
  });
});

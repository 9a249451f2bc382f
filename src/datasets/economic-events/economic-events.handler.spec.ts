import { Logger } from '@nestjs/common';
import type { MarketDataProvider } from '../../market-data/market-data-provider.js';
import { ProviderUnavailableError } from '../../market-data/provider-errors.js';
import { makeJob } from '../../storage/contract/fixtures.js';
import type { DatasetRun } from '../dataset-handler.js';
import { SharedRequests } from '../single-flight.js';
import type { EconomicEventsRequest } from './economic-event.js';
import { makeEvent, RELEASED_T0 } from './economic-event-fixtures.js';
import { EconomicEventsHandler } from './economic-events.handler.js';
import { MemoryEconomicEventStore } from './memory-economic-event-store.js';

const DAY_MS = 86_400_000;

function calendarProvider(answer: () => ReturnType<typeof makeEvent>[]) {
  const requests: EconomicEventsRequest[] = [];
  const provider: MarketDataProvider = {
    fetchEconomicEvents: async (request) => {
      requests.push(request);
      return answer();
    },
  };
  return { provider, requests };
}

function runOf(countries: string[] | null, asOf = RELEASED_T0, jobId = 'job-1'): DatasetRun {
  const job = makeJob({ job_id: jobId, dataset: 'economic_events', stock_ids: [], prefix: 'calendar', countries, retention_days: 3650 });
  return { job, runId: `run-${asOf}`, startedAt: asOf, asOf, logContext: (subject) => ({ subject }) };
}

describe('EconomicEventsHandler', () => {
  let store: MemoryEconomicEventStore;
  beforeAll(() => Logger.overrideLogger(['error']));
  beforeEach(() => {
    store = new MemoryEconomicEventStore();
  });
  const handlerFor = (provider: MarketDataProvider, shared = new SharedRequests()) => new EconomicEventsHandler(provider, shared, store);

  it('asks for the job\'s countries from a day before the run to a week after, and stores each release once', async () => {
    const { provider, requests } = calendarProvider(() => [makeEvent(0), makeEvent(1)]);
    const handler = handlerFor(provider);
    expect(await handler.fetch(runOf(['AU']))).toEqual([{ symbol: 'calendar', written: 2, rejected: 0 }]);
    expect(requests[0]).toMatchObject({ from: new Date(RELEASED_T0 - DAY_MS), to: new Date(RELEASED_T0 + 7 * DAY_MS), countries: ['AU'] });
    expect(await handlerFor(provider).fetch(runOf(['AU'], RELEASED_T0 + 60_000))).toEqual([{ symbol: 'calendar', written: 0, rejected: 0 }]);
    expect(await store.range('calendar')).toEqual([makeEvent(0), makeEvent(1)]);
  });

  it('asks for every country when the job names none', async () => {
    const { provider, requests } = calendarProvider(() => []);
    expect(await handlerFor(provider).fetch(runOf(null))).toEqual([{ symbol: 'calendar', written: 0, rejected: 0 }]);
    expect(requests[0].countries).toEqual([]);
  });

  it('drops releases without a time, a country or a name and counts them; all dropped is NoDataError', async () => {
    const partly = calendarProvider(() => [makeEvent(0), makeEvent(1, { time: NaN }), makeEvent(2, { event: '' })]);
    expect(await handlerFor(partly.provider).fetch(runOf(null))).toEqual([{ symbol: 'calendar', written: 1, rejected: 2 }]);
    const none = calendarProvider(() => [makeEvent(1, { country: '' })]);
    expect(await handlerFor(none.provider).fetch(runOf(null))).toMatchObject([{ symbol: 'calendar', rejected: 1, error: { kind: 'NoDataError' } }]);
  });

  it('fails the calendar with the provider\'s error, storing nothing', async () => {
    const provider: MarketDataProvider = {
      fetchEconomicEvents: async () => {
        throw new ProviderUnavailableError('HTTP 503');
      },
    };
    expect(await handlerFor(provider).fetch(runOf(null))).toMatchObject([{ symbol: 'calendar', error: { kind: 'ProviderUnavailableError' } }]);
    expect(await store.has('calendar')).toBe(false);
  });

  it('shares the request of runs for one instant and the same countries', async () => {
    const { provider, requests } = calendarProvider(() => [makeEvent(0)]);
    const shared = new SharedRequests();
    await Promise.all(['a', 'b'].map((job) => handlerFor(provider, shared).fetch(runOf(['AU'], RELEASED_T0, job))));
    await handlerFor(provider, shared).fetch(runOf(['US'], RELEASED_T0, 'c'));
    expect(requests.map((r) => r.countries)).toEqual([['AU'], ['US']]);
  });
});

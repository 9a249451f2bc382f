import { Inject, Injectable, Logger } from '@nestjs/common';
import { sourceOf, withSource } from '../../market-data/chain/served-by.js';
import { MARKET_DATA_PROVIDER, type MarketDataProvider, providerMethod } from '../../market-data/market-data-provider.js';
import { NoDataError } from '../../market-data/provider-errors.js';
import { requestContext, shareScope, type DatasetHandler, type DatasetRun, type SymbolOutcome } from '../dataset-handler.js';
import { CALENDAR_SUBJECT } from '../dataset-rules.js';
import { retentionStart } from '../retention.js';
import { SharedRequests } from '../single-flight.js';
import { outcomeOf } from '../symbol-outcome.js';
import { ECONOMIC_EVENT_STORE, type EconomicEventStore } from './economic-event-store.js';
import { validateEvents } from './economic-event-validator.js';

const DAY_MS = 86_400_000;
/** A run asks for the releases from a day before its instant (late actual values) to a week after. */
const WINDOW = { before: DAY_MS, after: 7 * DAY_MS };

/** An economic calendar: one request a run for the job's countries, each release stored once and revised in place. */
@Injectable()
export class EconomicEventsHandler implements DatasetHandler {
  readonly dataset = 'economic_events';
  readonly batchSize = 1;
  private readonly logger = new Logger(EconomicEventsHandler.name);

  constructor(
    @Inject(MARKET_DATA_PROVIDER) private readonly provider: MarketDataProvider,
    private readonly shared: SharedRequests,
    @Inject(ECONOMIC_EVENT_STORE) private readonly events: EconomicEventStore,
  ) {}

  async fetch(run: DatasetRun): Promise<SymbolOutcome[]> {
    const countries = run.job.countries ?? [];
    const outcome = await outcomeOf(
      run,
      CALENDAR_SUBJECT,
      this.logger,
      async () => {
        const request = { from: new Date(run.asOf - WINDOW.before), to: new Date(run.asOf + WINDOW.after), countries, ...requestContext(run, CALENDAR_SUBJECT) };
        const answer = await this.shared.run(`economic_events|${shareScope(run)}|${countries.join(',')}`, () => providerMethod(this.provider, 'fetchEconomicEvents')(request));
        const { valid, rejected } = validateEvents(answer);
        if (valid.length === 0 && rejected > 0) throw new NoDataError(`all ${rejected} economic events failed validation`, rejected);
        const source = sourceOf(answer);
        return { written: await this.events.write(run.job.prefix, withSource(valid, source), retentionStart(run, 'economic_events')), rejected, source };
      },
      'economic events',
    );
    return [outcome];
  }
}

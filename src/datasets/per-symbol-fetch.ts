import type { Logger } from '@nestjs/common';
import type { SymbolRequest } from './company-info/company-profile.js';
import type { Dataset, SymbolKeyId } from './dataset.js';
import { requestContext, shareScope, type DatasetRun, type SymbolOutcome } from './dataset-handler.js';
import type { SharedRequests } from './single-flight.js';
import { sourceOf } from '../market-data/chain/served-by.js';
import { outcomeOf } from './symbol-outcome.js';

/** A dataset fetched with one provider request per symbol. */
export interface PerSymbolFetch<A> {
  dataset: Dataset;
  /** What the run record names when the store refuses a write ('profile'). */
  what: string;
  /** What else the request depends on (news: the article count), so that only equal requests are shared. */
  variant?: string;
  request(request: SymbolRequest): Promise<A>;
  /** Validates and stores one symbol's answer with `source`, the provider that gave it; throws what fails the symbol. */
  store(id: SymbolKeyId, answer: A, source: string | undefined): Promise<{ written: number; rejected: number }>;
}

/**
 * Each symbol's answer through `fetch.store`, the request shared by the runs of one fire instant
 * (`{dataset}|{asOf}|{SYMBOL}[|{variant}]`); a symbol that fails is its own outcome and never stops the others.
 */
export function fetchPerSymbol<A>(shared: SharedRequests, run: DatasetRun, symbols: string[], logger: Logger, fetch: PerSymbolFetch<A>): Promise<SymbolOutcome[]> {
  return Promise.all(
    symbols.map((symbol) =>
      outcomeOf(
        run,
        symbol,
        logger,
        async () => {
          const request = { symbol, ...requestContext(run, symbol) };
          const key = [fetch.dataset, shareScope(run), symbol, ...(fetch.variant === undefined ? [] : [fetch.variant])].join('|');
          const answer = await shared.run(key, () => fetch.request(request));
          const source = sourceOf(answer);
          return { ...(await fetch.store({ prefix: run.job.prefix, symbol }, answer, source)), source };
        },
        fetch.what,
      ),
    ),
  );
}

import type { DatasetRun } from './dataset-handler.js';
import { DATASET_RULES } from './dataset-rules.js';

const DAY_MS = 86_400_000;

/** From when on (epoch ms) a time-series dataset keeps items in this run: `retention_days` before its start. */
export function retentionStart(run: DatasetRun, dataset: 'stock_quotes' | 'options_chain' | 'news_data' | 'economic_events'): number {
  const days = run.job.retention_days ?? (DATASET_RULES[dataset].fields.retention_days as number);
  return run.startedAt - days * DAY_MS;
}

import { defaultLookbackDays } from './historical-prices/data-interval-limits.js';
import type { DataInterval } from '../scheduler/job.js';
import type { ProviderMethod } from '../market-data/market-data-provider.js';
import type { Dataset } from './dataset.js';

/** Job fields that only fit some datasets; each dataset lists the ones it takes in {@link DATASET_RULES}. */
export const DATASET_FIELDS = ['data_interval', 'lookback_days', 'start_date', 'end_date', 'write_snapshot', 'expirations', 'news_count', 'retention_days', 'countries'] as const;
export type DatasetField = (typeof DATASET_FIELDS)[number];

type FieldValue = string | number | boolean | null | string[];
type FieldDefault = FieldValue | ((sent: Partial<Record<DatasetField, unknown>>) => FieldValue);

export interface DatasetRule {
  /** The provider method that serves it: a provider without it cannot run the dataset's jobs. */
  providerMethod: ProviderMethod;
  /** The schedule of a job that gives none (seed 003's table). */
  defaultSchedule: { schedule_time?: string; interval_seconds?: number; market_hours_only?: boolean };
  /** The dataset-specific fields it takes, with their defaults; a function derives one from the fields sent. */
  fields: Partial<Record<DatasetField, FieldDefault>>;
  /** False for a dataset about no symbol (an economic calendar): its jobs take no stock_ids. */
  symbols?: false;
}

export const ECONOMIC_EVENTS_REFUSAL = 'economic_events needs a provider with an economic calendar; Yahoo Finance has none';

const DAY_S = 86_400;

/** What each dataset fetches with, when it runs by default and which fields it takes. */
export const DATASET_RULES: Record<Dataset, DatasetRule> = {
  historical_prices: {
    providerMethod: 'fetchChart',
    defaultSchedule: { schedule_time: '17:00' },
    fields: { data_interval: '1d', lookback_days: (sent) => defaultLookbackDays((sent.data_interval as DataInterval | undefined) ?? '1d'), start_date: null, end_date: null, write_snapshot: false },
  },
  stock_quotes: { providerMethod: 'fetchQuotes', defaultSchedule: { interval_seconds: 60, market_hours_only: true }, fields: { retention_days: 30 } },
  options_chain: {
    providerMethod: 'fetchOptions',
    defaultSchedule: { interval_seconds: 300, market_hours_only: true },
    fields: { expirations: 2, retention_days: 7 },
  },
  company_info: { providerMethod: 'fetchProfile', defaultSchedule: { interval_seconds: 7 * DAY_S }, fields: {} },
  earnings_data: { providerMethod: 'fetchEarnings', defaultSchedule: { interval_seconds: 6 * 3600 }, fields: {} },
  news_data: { providerMethod: 'fetchNews', defaultSchedule: { interval_seconds: 1800 }, fields: { news_count: 10, retention_days: 365 } },
  economic_events: { providerMethod: 'fetchEconomicEvents', defaultSchedule: { interval_seconds: 12 * 3600 }, fields: { countries: null, retention_days: 365 }, symbols: false },
};

/** What a run of a symbol-less dataset fetches, in place of symbols: the whole calendar. */
export const CALENDAR_SUBJECT = 'calendar';

/** What a run of the job works through: its symbols, or the one calendar of a symbol-less dataset. */
export function runSubjects(job: { dataset: Dataset; stock_ids: string[] }): string[] {
  return DATASET_RULES[job.dataset].symbols === false ? [CALENDAR_SUBJECT] : job.stock_ids;
}

/** The dataset-specific fields of a create request, the defaults filled in for those it did not send. */
export function datasetFieldsOf(rule: DatasetRule, sent: Partial<Record<DatasetField, unknown>>): Partial<Record<DatasetField, unknown>> {
  const fields: Partial<Record<DatasetField, unknown>> = {};
  for (const [field, fallback] of Object.entries(rule.fields) as [DatasetField, FieldDefault][]) {
    fields[field] = sent[field] !== undefined ? sent[field] : typeof fallback === 'function' ? fallback(sent) : fallback;
  }
  return fields;
}

/** The datasets that take `field`, for the 400 of a job that sends it elsewhere. */
export function datasetsTaking(field: DatasetField): string[] {
  return Object.entries(DATASET_RULES)
    .filter(([, rule]) => field in rule.fields)
    .map(([dataset]) => dataset);
}

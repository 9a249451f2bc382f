import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RunRecord, RunTrigger } from '../scheduler/job.js';

const ANSWERS = new Set(['SymbolNotFoundError', 'NoDataError']);

/**
 * The scheduler's Prometheus metrics (seed 004: jobs executed, data points, errors, durations), in
 * a registry of their own so a host app's default registry and several app instances never clash.
 */
@Injectable()
export class SchedulerMetrics {
  readonly registry = new Registry();
  private readonly runs = new Counter({ name: 'scheduler_runs_total', help: 'Runs by status and trigger', labelNames: ['status', 'trigger'], registers: [this.registry] });
  private readonly symbols = new Counter({ name: 'scheduler_symbols_total', help: 'Symbols fetched per run, by outcome', labelNames: ['outcome'], registers: [this.registry] });
  private readonly points = new Counter({ name: 'scheduler_points_written_total', help: 'Bars written (inserted or replaced)', registers: [this.registry] });
  private readonly rejected = new Counter({ name: 'scheduler_bars_rejected_total', help: 'Bars dropped by validation', registers: [this.registry] });
  private readonly duration = new Histogram({
    name: 'scheduler_run_duration_seconds',
    help: 'Run duration',
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
    registers: [this.registry],
  });
  private readonly lateness = new Histogram({
    name: 'scheduler_fire_lateness_seconds',
    help: 'Fire time minus scheduled time',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });
  private readonly lostFires = new Counter({
    name: 'scheduler_fires_lost_total',
    help: 'Fires that could not be claimed or recorded (the store unreachable or out of memory)',
    registers: [this.registry],
  });
  private readonly marketClosed = new Counter({
    name: 'scheduler_market_closed_skips_total',
    help: 'Occurrences of market_hours_only jobs that reached the scheduler while NYSE was closed: no fire, no run record',
    labelNames: ['trigger'],
    registers: [this.registry],
  });
  private readonly retries = new Counter({ name: 'scheduler_fetch_retries_total', help: 'Retried provider requests', labelNames: ['kind'], registers: [this.registry] });
  private readonly requests = new Counter({ name: 'scheduler_provider_requests_total', help: 'Provider requests by provider and outcome', labelNames: ['provider', 'outcome'], registers: [this.registry] });
  private readonly breakers = new Gauge({ name: 'scheduler_provider_circuit_open', help: "1 while the provider's circuit breaker is open or half-open", labelNames: ['provider'], registers: [this.registry] });
  private readonly quotas = new Map<string, () => Promise<number | null>>();
  private readonly quotaUsed = new Gauge({
    name: 'scheduler_provider_quota_used',
    help: "Requests counted against the provider's daily quota (all replicas)",
    labelNames: ['provider'],
    registers: [this.registry],
    collect: async () => {
      for (const [provider, used] of this.quotas) {
        // A provider without a daily quota has no sample.
        const value = await used().catch(() => NaN);
        if (value !== null) this.quotaUsed.set({ provider }, value);
      }
    },
  });
  /** Set by the scheduler, read at scrape time. */
  readonly activeJobs = new Gauge({ name: 'scheduler_active_jobs', help: 'CronJobs registered in this replica', registers: [this.registry] });
  private readonly fetchHistories = new Map<string, { lastSuccess: number | null; lastFailure: number | null }>();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'scheduler_' });
  }

  recordRun(record: RunRecord): void {
    this.runs.inc({ status: record.status, trigger: record.trigger });
    this.symbols.inc({ outcome: 'fetched' }, record.fetched_stocks.length);
    this.symbols.inc({ outcome: 'failed' }, record.failed_stocks.length);
    this.points.inc(record.points_written);
    this.rejected.inc(record.bars_rejected);
    if (record.status !== 'skipped') this.duration.observe(record.duration_ms / 1000);
  }

  recordFire(scheduledFor: Date, firedAt = Date.now()): void {
    this.lateness.observe(Math.max(0, firedAt - scheduledFor.getTime()) / 1000);
  }

  recordLostFire(): void {
    this.lostFires.inc();
  }

  recordMarketClosedSkip(trigger: RunTrigger): void {
    this.marketClosed.inc({ trigger });
  }

  recordRetry(kind: string): void {
    this.retries.inc({ kind });
  }

  /** `outcome` is "ok" or the typed error's name; the fetch history counts an answer about the symbol as a success. */
  recordRequest(outcome: string, provider = 'yahoo'): void {
    this.requests.inc({ provider, outcome });
    const history = this.fetchHistoryOf(provider);
    // An unknown symbol or an empty answer is still an answer: the provider works.
    const answered = outcome === 'ok' || ANSWERS.has(outcome);
    this.fetchHistories.set(provider, answered ? { ...history, lastSuccess: Date.now() } : { ...history, lastFailure: Date.now() });
  }

  recordBreaker(provider: string, open: boolean): void {
    this.breakers.set({ provider }, open ? 1 : 0);
  }

  /** Reads `used` at every scrape for the provider's quota gauge. */
  watchQuota(provider: string, used: () => Promise<number | null>): void {
    this.quotas.set(provider, used);
  }

  /** When this replica's requests to `provider` last succeeded and last failed (epoch ms, null if never). */
  fetchHistoryOf(provider: string): { lastSuccess: number | null; lastFailure: number | null } {
    return this.fetchHistories.get(provider) ?? { lastSuccess: null, lastFailure: null };
  }
}

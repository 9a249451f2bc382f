import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import pLimit, { type LimitFunction } from 'p-limit';
import { BarIngestor } from '../market-data/bar-ingestor.js';
import type { RunRecord, RunStatus, RunTrigger, ScheduledJob, SymbolError } from './job.js';
import { JobRegistry } from './job-registry.js';
import { runWindow } from './run-window.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from './scheduler-options.js';
import { isoInZone } from './time-format.js';

export interface StartedRun {
  runId: string;
  /** Settles when the run is recorded; never rejects. */
  done: Promise<RunRecord | null>;
}

type SymbolOutcome = { symbol: string; written: number; rejected: number } | { symbol: string; error: SymbolError };

/**
 * One run = fetch + validate + store for every symbol of a job. A failing symbol never stops the
 * others, and a failing run never throws into the scheduler.
 */
@Injectable()
export class JobExecutor {
  private readonly logger = new Logger(JobExecutor.name);
  private readonly running = new Set<string>();
  private readonly runSlots: LimitFunction;

  constructor(
    private readonly registry: JobRegistry,
    private readonly ingestor: BarIngestor,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {
    this.runSlots = pLimit(options.maxConcurrentRuns);
  }

  get runningCount(): number {
    return this.running.size;
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /**
   * Queues a run unless one of this job is already queued or running (then null: never two runs
   * of one job at once). `nextRun` is stored with the running status when the run is a fire.
   */
  start(job: ScheduledJob, trigger: RunTrigger, scheduledFor: Date | null, nextRun?: Date | null): StartedRun | null {
    if (this.running.has(job.job_id)) return null;
    this.running.add(job.job_id);
    const runId = randomUUID();
    const done = this.runSlots(() => this.execute(job, runId, trigger, scheduledFor, nextRun))
      .catch((error: unknown) => {
        this.logger.error(`job ${job.job_id} run ${runId}: ${String(error)}`);
        return null;
      })
      .finally(() => this.running.delete(job.job_id));
    return { runId, done };
  }

  /** Records a fire that did not run (e.g. the previous run is still in progress). */
  async recordSkipped(job: ScheduledJob, trigger: RunTrigger, scheduledFor: Date | null, reason: string): Promise<void> {
    const now = isoInZone(Date.now(), job.timezone);
    this.logger.warn(`job ${job.job_id}: fire skipped: ${reason}`);
    await this.registry.recordRun({
      ...this.emptyRecord(job, randomUUID(), trigger, scheduledFor, now),
      status: 'skipped',
      end_time: now,
      reason,
    });
  }

  private async execute(
    queued: ScheduledJob,
    runId: string,
    trigger: RunTrigger,
    scheduledFor: Date | null,
    nextRun?: Date | null,
  ): Promise<RunRecord | null> {
    const jobId = queued.job_id;
    const started = Date.now();
    const startTime = isoInZone(started, queued.timezone);
    const job = await this.registry.patch(jobId, {
      status: 'running',
      last_run: startTime,
      ...(nextRun !== undefined && { next_run: nextRun ? isoInZone(nextRun, queued.timezone) : null }),
    });
    if (!job) return null; // deleted while queued
    this.logger.log(`job ${jobId} run ${runId}: started (${trigger}, ${job.stock_ids.length} symbols)`);

    const window = runWindow(job, new Date(started));
    const fetchSlots = pLimit(this.options.fetchConcurrency);
    const outcomes = await Promise.all(job.stock_ids.map((symbol) => fetchSlots(() => this.fetchSymbol(job, runId, symbol, window))));

    const record = this.emptyRecord(job, runId, trigger, scheduledFor, startTime);
    for (const outcome of outcomes) {
      if ('error' in outcome) {
        record.failed_stocks.push(outcome.symbol);
        record.errors.push(outcome.error);
      } else {
        record.fetched_stocks.push(outcome.symbol);
        record.points_written += outcome.written;
        record.bars_rejected += outcome.rejected;
      }
    }
    const ended = Date.now();
    record.status = runStatus(record);
    record.end_time = isoInZone(ended, job.timezone);
    record.duration_ms = ended - started;
    await this.finish(job, record);
    return record;
  }

  private async fetchSymbol(job: ScheduledJob, runId: string, symbol: string, window: ReturnType<typeof runWindow>): Promise<SymbolOutcome> {
    try {
      const result = await this.ingestor.ingest({
        prefix: job.prefix,
        symbol,
        interval: job.data_interval,
        from: window.from,
        to: window.to,
        snapshot: job.write_snapshot
          ? { start_date: window.start_date, end_date: window.end_date, ttlSeconds: this.options.snapshotTtlSeconds }
          : null,
      });
      this.logger.debug(`job ${job.job_id} run ${runId} symbol ${symbol}: ${result.written} bars written`);
      return { symbol, ...result };
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      this.logger.warn(`job ${job.job_id} run ${runId} symbol ${symbol}: ${err.name}: ${err.message}`);
      return { symbol, error: { symbol, error: err.message, kind: err.name, attempts: 1 } };
    }
  }

  private async finish(job: ScheduledJob, record: RunRecord): Promise<void> {
    await this.registry.recordRun(record);
    const updated = await this.registry.patch(job.job_id, {
      status: record.status === 'failed' ? 'failed' : 'completed',
      last_result: {
        run_id: record.run_id,
        status: record.status,
        trigger: record.trigger,
        end_time: record.end_time,
        fetched_count: record.fetched_stocks.length,
        failed_count: record.failed_stocks.length,
        points_written: record.points_written,
      },
    });
    // Stopped while it ran: the run is finished, the job stays paused.
    if (updated && !updated.is_active) await this.registry.patch(job.job_id, { status: 'paused' });
    this.logger.log(
      `job ${job.job_id} run ${record.run_id}: ${record.status} (${record.fetched_stocks.length} ok, ${record.failed_stocks.length} failed, ${record.points_written} bars, ${record.duration_ms} ms)`,
    );
  }

  private emptyRecord(job: ScheduledJob, runId: string, trigger: RunTrigger, scheduledFor: Date | null, startTime: string): RunRecord {
    return {
      run_id: runId,
      job_id: job.job_id,
      job_name: job.name,
      trigger,
      scheduled_for: scheduledFor ? isoInZone(scheduledFor, job.timezone) : null,
      start_time: startTime,
      end_time: startTime,
      status: 'success',
      fetched_stocks: [],
      failed_stocks: [],
      errors: [],
      points_written: 0,
      bars_rejected: 0,
      duration_ms: 0,
      reason: null,
    };
  }
}

function runStatus(record: RunRecord): RunStatus {
  if (record.failed_stocks.length === 0) return 'success';
  return record.fetched_stocks.length > 0 ? 'partial_success' : 'failed';
}

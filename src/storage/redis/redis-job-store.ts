import type { Redis } from 'ioredis';
import { DEFAULT_PRIORITY, type JobPatch, type RunRecord, type ScheduledJob } from '../../scheduler/job.js';
import { assertKeep, assertStorable, byCreation } from '../job-store-rules.js';
import { runFollowUpId } from '../follow-up-queue.js';
import type { JobStore, RecordRunOptions } from '../job-store.js';
import { keys } from '../keys.js';
import { redisCall } from './redis-call.js';
import { defineScript } from './redis-script.js';

// Runs inside Redis so that concurrent patches (from any process) never overwrite each other.
// cjson quirks: it encodes an empty table as {} (so [] would turn into {}) and keeps only 14
// significant digits of a number. The one empty array a job holds (an economic_events job's
// stock_ids) is read back as an array by parseJob; numbers are small integers, which round-trip
// exactly; the store contract pins both.
// JSON null decodes to cjson.null, so a null in the patch is stored as null.
const READ_JOB = `
local raw = redis.call('GET', KEYS[1])
if not raw then return nil end
`;
const MERGE_PATCH = `
local job = cjson.decode(raw)
for field, value in pairs(cjson.decode(ARGV[1])) do job[field] = value end
local updated = cjson.encode(job)
redis.call('SET', KEYS[1], updated)
`;
const PATCH_JOB = `${READ_JOB}${MERGE_PATCH}return updated`;
// KEYS: job, current run; ARGV: patch, record.
const START_RUN = `${READ_JOB}
redis.call('SET', KEYS[2], ARGV[2])
${MERGE_PATCH}return updated`;
// KEYS: current run; ARGV: record, run id. A progress write that lands after its run was recorded
// must not bring it back.
const UPDATE_CURRENT_RUN = `
local current = redis.call('GET', KEYS[1])
if not current or cjson.decode(current).run_id ~= ARGV[2] then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
return 1
`;
// KEYS: job, runs, current run, follow-up queue, follow-up; ARGV: patch, record, keep, run id, '1' if
// only while current, when the follow-up is due ('' for none). A skipped fire is recorded while
// another run is current, so the current run is cleared only when it is the one being recorded.
const RECORD_RUN = `${READ_JOB}
local current = redis.call('GET', KEYS[3])
local isCurrent = current and cjson.decode(current).run_id == ARGV[4]
if ARGV[5] == '1' and not isCurrent then return nil end
redis.call('LPUSH', KEYS[2], ARGV[2])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[3]) - 1)
if isCurrent then redis.call('DEL', KEYS[3]) end
${MERGE_PATCH}
if ARGV[6] ~= '' then
  redis.call('SET', KEYS[5], '{"kind":"run","run":' .. ARGV[2] .. '}')
  redis.call('ZADD', KEYS[4], ARGV[6], ARGV[7])
end
return updated`;
// KEYS: job, index; ARGV: job JSON, job id. A script rather than a MULTI: out of memory, Redis
// aborts a MULTI with EXECABORT, which hides the reason that a script's error reply gives.
const CREATE_JOB = `
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
`;
// KEYS: job, index, runs, current run, claim; ARGV: job id. Only deletions, no MULTI: Redis refuses
// a MULTI's commands when it is out of memory, and deleting is how memory is freed.
const DELETE_JOB = `
local existed = redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
redis.call('DEL', KEYS[3], KEYS[4], KEYS[5])
return existed
`;

/** {@link JobStore} on Redis; see `keys.ts` for the layout. */
export class RedisJobStore implements JobStore {
  private readonly patchJob;
  private readonly startRunScript;
  private readonly updateCurrentRunScript;
  private readonly recordRunScript;
  private readonly createJob;
  private readonly deleteJob;

  constructor(private readonly client: Redis) {
    this.patchJob = defineScript<string | null>(client, 'patchJob', PATCH_JOB);
    this.startRunScript = defineScript<string | null>(client, 'startRun', START_RUN);
    this.updateCurrentRunScript = defineScript<number>(client, 'updateCurrentRun', UPDATE_CURRENT_RUN);
    this.recordRunScript = defineScript<string | null>(client, 'recordRun', RECORD_RUN);
    this.createJob = defineScript<null>(client, 'createJob', CREATE_JOB);
    this.deleteJob = defineScript<number>(client, 'deleteJob', DELETE_JOB);
  }

  async create(job: ScheduledJob): Promise<void> {
    const args = [toJson(job, `job ${job.job_id}`), job.job_id];
    await redisCall(() => this.createJob([keys.job(job.job_id), keys.jobIndex], args));
  }

  async get(jobId: string): Promise<ScheduledJob | null> {
    const raw = await redisCall(() => this.client.get(keys.job(jobId)));
    return raw === null ? null : parseJob(raw);
  }

  async getMany(jobIds: readonly string[]): Promise<(ScheduledJob | null)[]> {
    if (jobIds.length === 0) return [];
    const values = await redisCall(() => this.client.mget(jobIds.map(keys.job)));
    return values.map((raw) => (raw === null ? null : parseJob(raw)));
  }

  async list(): Promise<ScheduledJob[]> {
    const ids = await redisCall(() => this.client.smembers(keys.jobIndex));
    if (ids.length === 0) return [];
    const values = await redisCall(() => this.client.mget(ids.map(keys.job)));
    return values
      .filter((raw): raw is string => raw !== null)
      .map(parseJob)
      .sort(byCreation);
  }

  async patch(jobId: string, patch: JobPatch): Promise<ScheduledJob | null> {
    const json = toJson(patch, `patch of job ${jobId}`);
    const updated = await redisCall(() => this.patchJob([keys.job(jobId)], [json]));
    return updated === null ? null : parseJob(updated);
  }

  async delete(jobId: string): Promise<boolean> {
    const jobKeys = [keys.job(jobId), keys.jobIndex, keys.runs(jobId), keys.currentRun(jobId), keys.claim(jobId)];
    return (await redisCall(() => this.deleteJob(jobKeys, [jobId]))) === 1;
  }

  async startRun(run: RunRecord, patch: JobPatch): Promise<ScheduledJob | null> {
    const jobKeys = [keys.job(run.job_id), keys.currentRun(run.job_id)];
    const args = [toJson(patch, `patch of job ${run.job_id}`), runJson(run)];
    const updated = await redisCall(() => this.startRunScript(jobKeys, args));
    return updated === null ? null : parseJob(updated);
  }

  async updateCurrentRun(run: RunRecord): Promise<boolean> {
    const args = [runJson(run), run.run_id];
    return (await redisCall(() => this.updateCurrentRunScript([keys.currentRun(run.job_id)], args))) === 1;
  }

  async currentRun(jobId: string): Promise<RunRecord | null> {
    const raw = await redisCall(() => this.client.get(keys.currentRun(jobId)));
    return raw === null ? null : parseRun(raw);
  }

  async recordRun(run: RunRecord, keep: number, patch: JobPatch, options: RecordRunOptions = {}): Promise<ScheduledJob | null> {
    assertKeep(keep);
    const followUp = runFollowUpId(run.run_id);
    const jobKeys = [keys.job(run.job_id), keys.runs(run.job_id), keys.currentRun(run.job_id), keys.followUps, keys.followUp(followUp)];
    const args = [toJson(patch, `patch of job ${run.job_id}`), runJson(run), keep, run.run_id, options.onlyIfCurrent ? '1' : '0', options.followUpDueMs ?? '', followUp];
    const updated = await redisCall(() => this.recordRunScript(jobKeys, args));
    return updated === null ? null : parseJob(updated);
  }

  async listRuns(jobId: string, limit: number): Promise<RunRecord[]> {
    // LRANGE 0 -1 would mean "everything", not "nothing".
    if (limit < 1) return [];
    const raws = await redisCall(() => this.client.lrange(keys.runs(jobId), 0, limit - 1));
    return raws.map(parseRun);
  }

  async ping(): Promise<void> {
    await redisCall(() => this.client.ping());
  }

  async outOfMemory(): Promise<boolean> {
    const info = await redisCall(() => this.client.info('memory'));
    const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)?.[1] ?? 0);
    // Redis refuses writes that need memory once used_memory passes maxmemory (0: no limit).
    const max = field('maxmemory');
    return max > 0 && field('used_memory') >= max;
  }
}

// Outside redisCall, so that a value refused here stays an InvalidStoreInputError.
const runJson = (run: RunRecord) => toJson(run, `run ${run.run_id} of job ${run.job_id}`);

function toJson(value: object, what: string): string {
  assertStorable(value, what);
  return JSON.stringify(value);
}

// Jobs and runs stored before datasets existed were all of historical_prices.
function parseJob(raw: string): ScheduledJob {
  const job = { dataset: 'historical_prices', priority: DEFAULT_PRIORITY, ...(JSON.parse(raw) as Omit<ScheduledJob, 'dataset' | 'priority'>) } as ScheduledJob;
  // The one empty array a job holds, an economic_events job's stock_ids, comes back from a script as {}.
  if (!Array.isArray(job.stock_ids)) job.stock_ids = [];
  return job;
}

function parseRun(raw: string): RunRecord {
  const run = JSON.parse(raw) as Omit<RunRecord, 'dataset' | 'items_rejected'> & Partial<RunRecord>;
  return { ...run, dataset: run.dataset ?? 'historical_prices', items_rejected: run.items_rejected ?? run.bars_rejected, queued_ms: run.queued_ms ?? 0 };
}

import type { Redis } from 'ioredis';
import type { JobPatch, RunRecord, ScheduledJob } from '../../scheduler/job.js';
import { assertKeep, assertStorable, byCreation } from '../job-store-rules.js';
import type { JobStore } from '../job-store.js';
import { keys } from '../keys.js';
import { redisCall, redisTransaction } from './redis-call.js';
import { defineScript } from './redis-script.js';

// Runs inside Redis so that concurrent patches (from any process) never overwrite each other.
// cjson quirks: it encodes an empty table as {} (so [] would turn into {}) and keeps only 14
// significant digits of a number. Jobs hold no empty arrays (stock_ids is never empty) and their
// numbers are small integers, which round-trip exactly; the store contract pins both.
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
return updated
`;
const PATCH_JOB = READ_JOB + MERGE_PATCH;
// KEYS: job, runs; ARGV: patch, record, keep.
const RECORD_RUN = `${READ_JOB}
redis.call('LPUSH', KEYS[2], ARGV[2])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[3]) - 1)
${MERGE_PATCH}`;

/** {@link JobStore} on Redis; see `keys.ts` for the layout. */
export class RedisJobStore implements JobStore {
  private readonly patchJob;
  private readonly recordRunScript;

  constructor(private readonly client: Redis) {
    this.patchJob = defineScript<string | null>(client, 'patchJob', PATCH_JOB);
    this.recordRunScript = defineScript<string | null>(client, 'recordRun', RECORD_RUN);
  }

  async create(job: ScheduledJob): Promise<void> {
    await redisTransaction(
      this.client.multi().set(keys.job(job.job_id), toJson(job, `job ${job.job_id}`)).sadd(keys.jobIndex, job.job_id),
    );
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
    const [deletedJobs] = await redisTransaction(
      this.client.multi().del(keys.job(jobId)).srem(keys.jobIndex, jobId).del(keys.runs(jobId)).del(keys.claim(jobId)),
    );
    return deletedJobs === 1;
  }

  async recordRun(run: RunRecord, keep: number, patch: JobPatch): Promise<ScheduledJob | null> {
    assertKeep(keep);
    const jobKeys = [keys.job(run.job_id), keys.runs(run.job_id)];
    const args = [toJson(patch, `patch of job ${run.job_id}`), toJson(run, `run ${run.run_id} of job ${run.job_id}`), keep];
    const updated = await redisCall(() => this.recordRunScript(jobKeys, args));
    return updated === null ? null : parseJob(updated);
  }

  async listRuns(jobId: string, limit: number): Promise<RunRecord[]> {
    // LRANGE 0 -1 would mean "everything", not "nothing".
    if (limit < 1) return [];
    const raws = await redisCall(() => this.client.lrange(keys.runs(jobId), 0, limit - 1));
    return raws.map((raw) => JSON.parse(raw) as RunRecord);
  }

  async ping(): Promise<void> {
    await redisCall(() => this.client.ping());
  }
}

function toJson(value: object, what: string): string {
  assertStorable(value, what);
  return JSON.stringify(value);
}

function parseJob(raw: string): ScheduledJob {
  return JSON.parse(raw) as ScheduledJob;
}

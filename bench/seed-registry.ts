import type { Redis } from 'ioredis';

/** The fields of the seed's job JSON that its loop reads and writes. */
export interface SeedJob {
  job_id: string;
  name: string;
  stock_ids: string[];
  schedule_time: string;
  is_active: boolean;
  status: string;
  last_run: number | null;
  next_run: number | null;
}

/**
 * The seed's JobRegistry (seed 000 § 4.2), transcribed call for call onto ioredis: a JSON-array
 * index read and rewritten on every create, EXISTS + GET per job on every get and list.
 */
export class SeedRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private jobKey(id: string): string {
    return `${this.prefix}scheduler:job:${id}`;
  }

  private get indexKey(): string {
    return `${this.prefix}scheduler:job_index`;
  }

  async create(job: SeedJob): Promise<string> {
    await this.redis.set(this.jobKey(job.job_id), JSON.stringify(job));
    const ids = await this.allIds();
    if (!ids.includes(job.job_id)) {
      ids.push(job.job_id);
      await this.redis.set(this.indexKey, JSON.stringify(ids));
    }
    return job.job_id;
  }

  async get(id: string): Promise<SeedJob | null> {
    if (!(await this.redis.exists(this.jobKey(id)))) return null;
    const data = await this.redis.get(this.jobKey(id));
    return data ? (JSON.parse(data) as SeedJob) : null;
  }

  async list(activeOnly = false): Promise<SeedJob[]> {
    const jobs: SeedJob[] = [];
    for (const id of await this.allIds()) {
      const job = await this.get(id);
      if (job && (!activeOnly || job.is_active)) jobs.push(job);
    }
    return jobs;
  }

  async update(job: SeedJob): Promise<boolean> {
    if (!(await this.redis.exists(this.jobKey(job.job_id)))) return false;
    await this.redis.set(this.jobKey(job.job_id), JSON.stringify(job));
    return true;
  }

  private async allIds(): Promise<string[]> {
    if (!(await this.redis.exists(this.indexKey))) return [];
    const data = await this.redis.get(this.indexKey);
    return data ? (JSON.parse(data) as string[]) : [];
  }
}

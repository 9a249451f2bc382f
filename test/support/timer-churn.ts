/** What a churn loop did: rounds completed, and jobs created then deleted. */
export interface ChurnResult {
  rounds: number;
  jobs: number;
}

const post = (url: string, path: string, body: unknown) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Creates one job through the API and answers its id; throws on any answer but 201. */
export async function createJob(url: string, body: Record<string, unknown>): Promise<string> {
  const res = await post(url, '/scheduler/jobs', body);
  if (res.status !== 201) throw new Error(`create answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { job_id: string }).job_id;
}

/**
 * Rounds of `parallel` one-second interval jobs created at once and then deleted at once, until
 * `durationMs` has passed or `alive()` turns false: the load that once made cron throw from its timer.
 */
export async function churnIntervalJobs(url: string, options: { durationMs: number; parallel: number; alive: () => boolean }): Promise<ChurnResult> {
  const result: ChurnResult = { rounds: 0, jobs: 0 };
  const deadline = Date.now() + options.durationMs;
  while (Date.now() < deadline && options.alive()) {
    const ids = await Promise.all(
      Array.from({ length: options.parallel }, (_, i) => createJob(url, { name: `churn ${result.rounds}.${i}`, stock_ids: ['AAPL'], interval_seconds: 1 })),
    );
    await Promise.all(ids.map((id) => fetch(`${url}/scheduler/jobs/${id}`, { method: 'DELETE' })));
    result.rounds++;
    result.jobs += ids.length;
  }
  return result;
}

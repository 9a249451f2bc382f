import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { JobExecutor } from '../src/scheduler/job-executor.js';
import { JobRegistry } from '../src/scheduler/job-registry.js';
import type { BodyFunction } from '../test/support/fake-yahoo.js';
import { syntheticNews } from '../test/support/synthetic-quotes.js';
import { createJobs, fireTogether, memoryOf, printTable, ratio, startBenchEnv, type BenchOptions } from './harness.js';

// Issue 12: what a stored article costs in Redis once a news job has run again and again, its
// answers mostly articles it stored already.
const RUNS = 10;
const NEWS_COUNT = 10;
/** Articles each run finds that the one before did not (the rest of its NEWS_COUNT it found before). */
const NEW_PER_RUN = 4;
/** Between two articles of a symbol: a dozen a day, as for a much-covered stock. */
const SPACING_SECONDS = 7200;
const SYMBOLS = Array.from({ length: 50 }, (_, i) => `N${String(i).padStart(3, '0')}`);
const OURS = 'news_bench';
const PLAIN = 'plain_json';

type RawArticle = Record<string, unknown>;

/** The article as the read route's domain type has it, from Yahoo's field names. */
const articleOf = (n: RawArticle) => ({
  id: n.uuid,
  title: n.title,
  publisher: n.publisher,
  link: n.link,
  published_at: Number(n.providerPublishTime) * 1000,
  related_tickers: n.relatedTickers,
});

export default async function newsStorage(_options: BenchOptions): Promise<void> {
  const env = await startBenchEnv();
  const keyPrefix = `bench:${randomUUID()}:`;
  const raw = new Redis(env.redis.url);
  let first = NEWS_COUNT - 1;
  const synthetic = await syntheticNews({ first: () => first, spacingSeconds: SPACING_SECONDS });
  const served: RawArticle[] = [];
  const answer: BodyFunction = (request, recorded) => {
    const body = synthetic(request, recorded) as { news: RawArticle[] };
    served.push(...body.news);
    return body;
  };
  env.yahoo.override('*', { body: answer }, 'search');
  try {
    const context = await env.scheduler({ keyPrefix, yahoo: { maxRps: 100_000 } });
    const [id] = await createJobs(context, [{ name: 'news bench', dataset: 'news_data', stock_ids: SYMBOLS, news_count: NEWS_COUNT, prefix: OURS, retention_days: 3650 }]);
    const occurrence = Math.floor(Date.now() / 1000) * 1000;
    let wallMs = 0;
    for (let run = 0; run < RUNS; run++) {
      wallMs += await fireTogether(context, [id], new Date(occurrence + run * 1000));
      // The run is recorded a moment before the executor lets go of the job: a fire before then would be skipped.
      while (context.get(JobExecutor).isRunning(id)) await new Promise((resolve) => setTimeout(resolve, 5));
      first += NEW_PER_RUN;
    }
    const runs = (await context.get(JobRegistry).runs(id, RUNS)).reverse();
    const failed = runs.filter((run) => run.status !== 'success');
    if (failed.length > 0) throw new Error(`runs that did not succeed: ${JSON.stringify(failed)}`);
    await env.closeScheduler(context);

    // The plain layout, on the same Redis: per symbol a ZSET by publish time of each article's JSON, as served.
    const pipeline = raw.pipeline();
    for (const n of served) {
      const [symbol] = n.relatedTickers as string[];
      pipeline.zadd(`${keyPrefix}${PLAIN}:${symbol}:news`, Number(n.providerPublishTime) * 1000, JSON.stringify(articleOf(n)));
    }
    await pipeline.exec();

    const distinct = new Set(served.map((n) => n.uuid)).size;
    // Ours: the lines of every day block, and the ids beside them.
    let stored = 0;
    let ids = 0;
    let text = 0;
    let days = 0;
    for (const symbol of SYMBOLS) {
      const blocks = await raw.zrange(`${keyPrefix}${OURS}:${symbol}:news`, '0', '-1');
      days += blocks.length;
      stored += blocks.reduce((sum, block) => sum + block.split('\n').length, 0);
      text += Buffer.byteLength(blocks.join(''));
      ids += await raw.scard(`${keyPrefix}${OURS}:${symbol}:news:ids`);
    }
    const written = runs.reduce((sum, run) => sum + run.points_written, 0);
    if (stored !== distinct || ids !== distinct || written !== distinct) throw new Error(`stored ${stored} articles (${ids} ids), wrote ${written}, of ${distinct} distinct uuids served`);
    const ours = await memoryOf(raw, `${keyPrefix}${OURS}:*`);
    const plain = await memoryOf(raw, `${keyPrefix}${PLAIN}:*`);
    let plainText = 0;
    for (const symbol of SYMBOLS) plainText += Buffer.byteLength((await raw.zrange(`${keyPrefix}${PLAIN}:${symbol}:news`, '0', '-1')).join(''));

    printTable(
      `News storage: a ${SYMBOLS.length}-symbol news_data job run ${RUNS} times (news_count ${NEWS_COUNT}, ${NEW_PER_RUN} new articles a symbol per run after the first, ${24 * 3600 / SPACING_SECONDS} a day)`,
      [
        { layout: 'ours: ZSET of day blocks + SET of ids', keys: ours.keys, articles: stored, 'memory (bytes)': ours.bytes, 'bytes / article': (ours.bytes / stored).toFixed(1), 'member text / article': (text / stored).toFixed(1) },
        { layout: 'plain: ZSET of article JSON', keys: plain.keys, articles: distinct, 'memory (bytes)': plain.bytes, 'bytes / article': (plain.bytes / distinct).toFixed(1), 'member text / article': (plainText / distinct).toFixed(1) },
        { layout: 'plain ÷ ours', keys: '', articles: '', 'memory (bytes)': ratio(plain.bytes, ours.bytes), 'bytes / article': '', 'member text / article': '' },
      ],
    );
    console.log(
      `\narticles served ${served.length} (${distinct} distinct uuids); points_written per run: ${runs.map((run) => run.points_written).join(', ')}; ` +
        `stored ${stored} articles (in ${days} day blocks) and ${ids} ids = distinct uuids; ${RUNS} runs in ${(wallMs / 1000).toFixed(1)} s`,
    );
  } finally {
    await raw.quit();
    await env.close();
  }
}

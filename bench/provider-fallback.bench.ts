import type { INestApplicationContext } from '@nestjs/common';
import { PROFILE_STORE, type ProfileStore } from '../src/datasets/company-info/profile-store.js';
import type { SchedulerModuleOptions } from '../src/scheduler/scheduler-options.js';
import { alphaVantageFixture, FAKE_ALPHA_VANTAGE_KEY, startFakeAlphaVantage } from '../test/support/fake-alpha-vantage.js';
import type { FakeVendor } from '../test/support/fake-vendor.js';
import { loadRecording, SUMMARY_RECORDINGS } from '../test/support/fake-yahoo-fixtures.js';
import { createJobs, fireTogether, printTable, ratio, startBenchEnv, type BenchEnv, type BenchOptions } from './harness.js';

// Issue 13: Yahoo failing half its requests, Alpha Vantage second in the chain.
const SYMBOLS = Array.from({ length: 50 }, (_, i) => `P${String(i).padStart(3, '0')}`);
const LATENCY_MS = 20;

/** A generator of 0–1 that repeats from `seed`, so that both cases see the same failures. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** AAPL's recorded assetProfile and price modules as one quoteSummary answer, for any symbol. */
async function recordedProfile(): Promise<unknown> {
  const modules = await Promise.all(['assetProfile', 'price'].map(async (module) => (await loadRecording(SUMMARY_RECORDINGS.AAPL[module])).json as SummaryBody));
  return { quoteSummary: { result: [Object.assign({}, ...modules.map((body) => body.quoteSummary.result[0]))], error: null } };
}
type SummaryBody = { quoteSummary: { result: Record<string, unknown>[] } };

/** Yahoo answers a share `failing` of quoteSummary requests with 503, the rest with AAPL's profile. */
async function failYahoo(env: BenchEnv, failing: number): Promise<void> {
  const random = seeded(42);
  const profile = await recordedProfile();
  env.yahoo.reset();
  env.yahoo.override('*', { status: () => (random() < failing ? 503 : 200), body: profile }, 'quoteSummary');
}

/** A company_info job over the symbols, fired once; what got stored and what it cost. */
async function runProfiles(env: BenchEnv, alphaVantage: FakeVendor, chain: string[]) {
  alphaVantage.reset();
  alphaVantage.override('overview', '*', { body: alphaVantageFixture('overview-IBM.json') });
  const options: SchedulerModuleOptions = {
    yahoo: { maxRps: 10_000, retryMinDelayMs: 10 },
    providers: { chain, alphaVantage: { apiKey: FAKE_ALPHA_VANTAGE_KEY, baseUrl: alphaVantage.url, maxPerMinute: null, maxPerDay: null } },
  };
  const context: INestApplicationContext = await env.scheduler(options);
  const ids = await createJobs(context, [{ name: 'profiles', dataset: 'company_info', stock_ids: SYMBOLS }]);
  const wallMs = await fireTogether(context, ids, new Date(Math.floor(Date.now() / 1000) * 1000));
  const profiles = context.get<ProfileStore>(PROFILE_STORE);
  const stored = (await Promise.all(SYMBOLS.map((symbol) => profiles.read({ prefix: 'scheduled_stock_data', symbol })))).filter(Boolean).length;
  await env.closeScheduler(context);
  const yahooRequests = env.yahoo.requests.filter((r) => r.kind === 'quoteSummary').length;
  const alphaRequests = alphaVantage.requests.length;
  return { stored, yahooRequests, alphaRequests, wallMs };
}

export default async function providerFallback(_options: BenchOptions): Promise<void> {
  const env = await startBenchEnv({ latencyMs: LATENCY_MS });
  const alphaVantage = await startFakeAlphaVantage();
  try {
    const rows = [];
    for (const [name, chain, failing] of [
      ['Yahoo alone, 50 % failing', ['yahoo'], 0.5],
      ['Yahoo then Alpha Vantage, 50 % failing', ['yahoo', 'alpha_vantage'], 0.5],
      ['Yahoo alone, down', ['yahoo'], 1],
      ['Yahoo (down) then Alpha Vantage', ['yahoo', 'alpha_vantage'], 1],
    ] as const) {
      await failYahoo(env, failing);
      const result = await runProfiles(env, alphaVantage, [...chain]);
      const requests = result.yahooRequests + result.alphaRequests;
      rows.push({
        case: name,
        'symbols stored': `${result.stored} / ${SYMBOLS.length} (${Math.round((100 * result.stored) / SYMBOLS.length)} %)`,
        'Yahoo requests': result.yahooRequests,
        'Alpha Vantage requests': result.alphaRequests,
        'requests per stored symbol': result.stored ? (requests / result.stored).toFixed(2) : '–',
        'wall (ms)': result.wallMs,
      });
    }
    printTable(`A 50-symbol company_info job, Yahoo's quoteSummary failing (503), retries 3 (fake latency ${LATENCY_MS} ms)`, rows);
    console.log(`\nrequests per stored symbol, 50 % failing, Yahoo alone ÷ with Alpha Vantage: ${ratio(Number(rows[0]['requests per stored symbol']), Number(rows[1]['requests per stored symbol']))}`);
  } finally {
    await alphaVantage.close();
    await env.close();
  }
}

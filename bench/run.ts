// Runs the benchmarks named on the command line (all of them without names), one after another so
// none shares the 2 cores with another. `--quick` uses the sizes that keep `npm run bench` under 5 minutes.
import type { BenchOptions } from './harness.js';

const SCENARIOS: Record<string, string> = {
  fire: './fire-precision.bench.js',
  jobs: './job-management.bench.js',
  fetch: './fetch-throughput.bench.js',
  storage: './storage-per-year.bench.js',
  api: './api-throughput.bench.js',
  schedules: './schedule-safety.bench.js',
  shared: './shared-requests.bench.js',
  quotes: './stock-quotes.bench.js',
  providers: './provider-fallback.bench.js',
  news: './news-storage.bench.js',
  dashboard: './dashboard.bench.js',
  webhooks: './webhooks.bench.js',
  fleet: './fleet.bench.js',
};

const args = process.argv.slice(2);
const options: BenchOptions = { quick: args.includes('--quick') };
const names = args.filter((arg) => !arg.startsWith('--'));
for (const name of names.length > 0 ? names : Object.keys(SCENARIOS)) {
  const file = SCENARIOS[name];
  if (!file) throw new Error(`unknown benchmark "${name}"; known: ${Object.keys(SCENARIOS).join(', ')}`);
  const started = Date.now();
  const scenario = (await import(file)) as { default: (options: BenchOptions) => Promise<void> };
  await scenario.default(options);
  console.log(`\n(${name}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

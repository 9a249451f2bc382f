import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { startWebhookReceiver } from '../test/support/webhook-receiver.js';
import { WebhookDispatcher } from '../src/notifications/webhooks/webhook-dispatcher.js';
import { WebhookEndpoints } from '../src/notifications/webhooks/webhook-endpoints.js';
import type { WebhookDelivery } from '../src/notifications/webhooks/webhook.js';
import { WEBHOOK_STORE, type WebhookStore } from '../src/notifications/webhooks/webhook-store.js';
import { createJobs, fireTogether, machine, percentile, printTable, startBenchEnv, type BenchOptions } from './harness.js';

// Issue 15: how soon a webhook arrives after its run is recorded, and how many deliveries one replica sends a second.
const ms = (values: number[], p: number) => percentile(values, p).toFixed(1);

export default async function webhooks({ quick }: BenchOptions): Promise<void> {
  const single = quick ? 20 : 100;
  const together = quick ? 100 : 500;
  const queued = quick ? 1000 : 5000;
  const env = await startBenchEnv();
  const receiver = await startWebhookReceiver();
  const context = await env.scheduler({ keyPrefix: `bench:${randomUUID()}:`, yahoo: { maxRps: 1_000_000 }, maxConcurrentRuns: 16, webhooks: { allowHosts: ['127.0.0.1'] } });
  try {
    await context.get(WebhookEndpoints).create({ url: receiver.url, events: ['run.succeeded'] });
    // Latency: arrival at the receiver minus the run record's end_time (the moment the run was recorded, to the ms).
    const latency = (from: number) => receiver.received.slice(from).map((r) => r.at - Date.parse(String(r.payload.data.end_time)));
    const [one] = await createJobs(context, [{ name: 'alone', stock_ids: ['AAPL'], schedule_time: '03:00', timezone: 'UTC' }]);
    for (let i = 0; i < single; i++) {
      await fireTogether(context, [one!], new Date());
      await receiver.waitFor(i + 1);
    }
    const alone = latency(0);
    const ids = await createJobs(context, Array.from({ length: together }, (_, i) => ({ name: `together ${i}`, stock_ids: ['AAPL'], schedule_time: '03:00', timezone: 'UTC' })));
    await fireTogether(context, ids, new Date());
    await receiver.waitFor(single + together, () => true, 120_000);
    const burst = latency(single);

    // Throughput: deliveries queued at once, all due now, sent by this one replica.
    const store = context.get<WebhookStore>(WEBHOOK_STORE);
    const [endpoint] = await store.listEndpoints();
    const body = receiver.received.at(-1)!.body;
    const now = new Date().toISOString();
    const deliveries = Array.from({ length: queued }, (): WebhookDelivery => ({
      delivery_id: `msg_${randomUUID()}`, endpoint_id: endpoint!.id, type: 'run.succeeded', body, status: 'pending', attempts: 0, series_attempts: 0,
      created_at: now, last_attempt_at: null, next_attempt_at: now, last_status_code: null, last_latency_ms: null, last_error: null,
    }));
    const before = receiver.received.length;
    const started = performance.now();
    await store.enqueue(deliveries, Date.now());
    context.get(WebhookDispatcher).wake(); // as the notifier does when it queues
    await receiver.waitFor(before + queued, () => true, 300_000);
    const perSecond = queued / ((performance.now() - started) / 1000);

    console.log(`\n${machine()}; Redis; the receiver answers 204 at once on loopback`);
    printTable('Webhooks: latency after the run is recorded, and deliveries per second through one replica', [
      { case: `${single} runs one after another`, deliveries: alone.length, 'p50 (ms)': ms(alone, 0.5), 'p99 (ms)': ms(alone, 0.99), 'max (ms)': Math.max(...alone).toFixed(0) },
      { case: `${together} runs recorded together`, deliveries: burst.length, 'p50 (ms)': ms(burst, 0.5), 'p99 (ms)': ms(burst, 0.99), 'max (ms)': Math.max(...burst).toFixed(0) },
      { case: `${queued} deliveries queued at once`, deliveries: queued, 'p50 (ms)': '–', 'p99 (ms)': '–', 'max (ms)': `${perSecond.toFixed(0)} / s` },
    ]);
    const signedAll = receiver.received.every((r) => typeof r.headers['webhook-signature'] === 'string');
    const distinct = new Set(receiver.received.map((r) => r.headers['webhook-id'])).size;
    console.log(`every delivery signed: ${signedAll}; ${receiver.received.length} received, ${distinct} distinct webhook-ids`);
  } finally {
    await env.closeScheduler(context);
    await receiver.close();
    await env.close();
  }
}

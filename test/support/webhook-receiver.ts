import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed `{type, timestamp, data}`. */
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  /** Whether the signature verified with each secret given to {@link WebhookReceiver.verifyWith}. */
  verified: boolean[];
  at: number;
}

/** What the receiver answers one request: a status and headers, or no answer at all (`hang`). */
export type Answer = { status: number; headers?: Record<string, string> } | 'hang';

export interface WebhookReceiver {
  readonly url: string;
  readonly received: Received[];
  /** The secrets the signatures are checked against (standardwebhooks' own verify). */
  verifyWith(...secrets: string[]): void;
  /** The next requests' answers, in order; then 204 to everything. */
  answer(...answers: Answer[]): void;
  /** Resolves once `count` requests matching `match` have arrived. */
  waitFor(count: number, match?: (received: Received) => boolean, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** A local receiver on 127.0.0.1 that checks every delivery's signature as a receiver following Standard Webhooks would. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const answers: Answer[] = [];
  let secrets: string[] = [];
  const hanging = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => {
      const headers = { 'webhook-id': String(req.headers['webhook-id']), 'webhook-timestamp': String(req.headers['webhook-timestamp']), 'webhook-signature': String(req.headers['webhook-signature']) };
      const verified = secrets.map((secret) => {
        try {
          new Webhook(secret).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      received.push({ headers: req.headers, body, payload: JSON.parse(body), verified, at: Date.now() });
      const answer = answers.shift() ?? { status: 204 };
      if (answer === 'hang') return void hanging.add(() => res.destroy());
      res.writeHead(answer.status, answer.headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    verifyWith: (...given) => (secrets = given),
    answer: (...given) => answers.push(...given),
    async waitFor(count, match = () => true, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.filter(match);
        if (found.length >= count) return found;
        if (Date.now() > deadline) throw new Error(`${found.length} of ${count} deliveries in ${timeoutMs} ms; received: ${received.map((r) => r.payload.type).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      hanging.forEach((end) => end());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UrlGuard, WebhookUrlError, type ResolveHost } from './url-guard.js';
import { postWebhook } from './webhook-sender.js';

const resolvesTo = (table: Record<string, string[]>): ResolveHost => async (host) => (table[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('UrlGuard', () => {
  it('refuses a name that resolves to a private address, or to any non-public one among several', async () => {
    const guard = new UrlGuard([], resolvesTo({ 'internal.example': ['10.0.0.1'], 'mixed.example': ['93.184.215.14', '192.168.1.20'], 'public.example': ['93.184.215.14'], 'meta.example': ['169.254.169.254'] }));
    await expect(guard.check('https://internal.example/hook')).rejects.toThrow(/internal\.example resolves to 10\.0\.0\.1 \(private\)/);
    await expect(guard.check('https://mixed.example/hook')).rejects.toThrow(/192\.168\.1\.20 \(private\)/);
    await expect(guard.check('https://meta.example/hook')).rejects.toThrow(/linkLocal/);
    await expect(guard.check('https://nowhere.example/hook')).rejects.toThrow(/does not resolve/);
    await expect(guard.check('https://public.example/hook')).resolves.toBeInstanceOf(URL);
  });

  it('lets the allow list name exceptions by host or address', async () => {
    const guard = new UrlGuard(['internal.example', '127.0.0.1'], resolvesTo({ 'internal.example': ['10.0.0.1'] }));
    await expect(guard.check('http://internal.example/hook')).resolves.toBeInstanceOf(URL);
    await expect(new UrlGuard(['unresolved.example'], resolvesTo({})).check('http://unresolved.example/hook')).resolves.toBeInstanceOf(URL);
    await expect(guard.check('http://127.0.0.1:8080/hook')).resolves.toBeInstanceOf(URL);
    await expect(guard.check('http://[::1]/hook')).rejects.toThrow(WebhookUrlError);
  });

  it('checks again when it connects, so a name that now resolves to a private address is not reached (DNS rebinding)', async () => {
    let reached = 0;
    const server = createServer((_req, res) => (reached++, res.end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const table: Record<string, string[]> = { 'rebind.example': ['93.184.215.14'] };
    const guard = new UrlGuard([], resolvesTo(table));
    try {
      const url = await guard.check(`http://rebind.example:${port}/hook`);
      table['rebind.example'] = ['127.0.0.1'];
      const result = await postWebhook(url, {}, '{}', 1000, guard.lookup);
      expect(result).toMatchObject({ status: null, error: expect.stringMatching(/resolves to 127\.0\.0\.1 \(loopback\)/) });
      expect(reached).toBe(0);
      // The same name, allowed, is reached through the same lookup.
      const allowed = new UrlGuard(['rebind.example'], resolvesTo(table));
      expect((await postWebhook(url, {}, '{}', 1000, allowed.lookup)).status).toBe(200);
      expect(reached).toBe(1);
    } finally {
      server.close();
    }
  });
});

import { useE2eApp } from './support/e2e-context.js';

/** The explorer opened by any host name over plain HTTP, and behind a TLS proxy. */
describe('explorer over HTTP and behind TLS', () => {
  describe('direct, plain HTTP', () => {
    const { http } = useE2eApp('memory');

    it('sends neither upgrade-insecure-requests nor HSTS, and every asset of /docs answers over http', async () => {
      const page = await http().get('/docs').set('Host', 'scheduler.example').redirects(1).expect(200);
      expect(page.headers['content-security-policy']).toBeDefined();
      expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(page.headers['strict-transport-security']).toBeUndefined();
      const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!).filter((url) => !url.startsWith('http'));
      expect(assets.length).toBeGreaterThanOrEqual(3);
      for (const asset of assets) {
        // As a browser resolves it against the page, over plain http.
        const url = new URL(asset, 'http://scheduler.example/docs');
        expect(url.protocol).toBe('http:');
        await http().get(url.pathname).set('Host', 'scheduler.example').expect(200);
      }
    });

    it('ignores X-Forwarded-Proto from a proxy it was not told to trust', async () => {
      const res = await http().get('/health').set('X-Forwarded-Proto', 'https').expect(200);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });
  });

  describe('behind a trusted TLS proxy', () => {
    const { http } = useE2eApp('memory', { env: { TRUST_PROXY: 'true' } });

    it('keeps both when the proxy says the client came over https', async () => {
      const res = await http().get('/docs').set('X-Forwarded-Proto', 'https').redirects(1).expect(200);
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const plain = await http().get('/docs').set('X-Forwarded-Proto', 'http').redirects(1).expect(200);
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    });
  });
});

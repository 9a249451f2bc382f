import request from 'supertest';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const KEY = 's3cret-key-value';

describe('API security', () => {
  let yahoo: FakeYahoo;
  const opened: TestApp[] = [];
  const open = async (env: Record<string, string>) => {
    const t = await createTestApp({ store: 'memory', yahooUrl: yahoo.url, env });
    opened.push(t);
    return request(t.app.getHttpServer());
  };

  beforeAll(async () => {
    yahoo = await startFakeYahoo();
  });
  afterAll(async () => {
    for (const t of opened) await t.close();
    await yahoo.close();
  });

  it('requires X-API-Key on every route but /health and /docs, never echoing the key', async () => {
    const http = await open({ API_KEY: KEY });
    const answers = [
      await http.get('/scheduler/jobs'),
      await http.post('/scheduler/jobs').send({ name: 'x', stock_ids: ['AAPL'] }),
      await http.get('/market-data/AAPL'),
      await http.get('/metrics'),
      await http.get('/scheduler/jobs').set('X-API-Key', 'wrong'),
      await http.get('/scheduler/jobs').set('X-API-Key', `${KEY}x`),
    ];
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, message: 'Missing or invalid X-API-Key header', error: 'Unauthorized' });
      expect(JSON.stringify(res.headers) + res.text).not.toContain(KEY);
    }
    expect((await http.get('/scheduler/jobs')).status).toBe(401);
    await http.post('/scheduler/jobs').set('X-API-Key', KEY).send({ name: 'x', stock_ids: ['AAPL'] }).expect(201);
    expect((await http.get('/scheduler/jobs').set('X-API-Key', KEY).expect(200)).body).toHaveLength(1);
    await http.get('/health').expect(200);
    await http.get('/docs').redirects(1).expect(200);
    const spec = (await http.get('/docs-json').expect(200)).body;
    expect(spec.components.securitySchemes['api-key']).toEqual({ type: 'apiKey', name: 'X-API-Key', in: 'header' });
  });

  it('leaves the API open when no API_KEY is set', async () => {
    const http = await open({});
    await http.get('/scheduler/jobs').expect(200);
  });

  it('limits requests per minute per client, /health exempt', async () => {
    const http = await open({ API_RATE_LIMIT: '5' });
    for (let i = 0; i < 5; i++) await http.get('/scheduler/status').expect(200);
    const limited = await http.get('/scheduler/status').expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    await http.get('/health').expect(200);
  });

  it('refuses a body over the limit with 413, not 500', async () => {
    const http = await open({});
    const huge = { name: 'big', stock_ids: Array.from({ length: 200_000 }, (_, i) => `S${i}`) };
    const res = await http.post('/scheduler/jobs').send(huge);
    expect(res.status).toBe(413);
    expect((await http.get('/scheduler/jobs').expect(200)).body).toEqual([]);
  });

  it('sets security headers and answers CORS only for the configured origins', async () => {
    const http = await open({ CORS_ORIGINS: 'https://app.example' });
    const res = await http.get('/scheduler/status').set('Origin', 'https://app.example').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['access-control-allow-origin']).toBe('https://app.example');
    const other = await http.get('/scheduler/status').set('Origin', 'https://evil.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets a browser on an allowed origin preflight every method and header the API takes', async () => {
    const http = await open({ CORS_ORIGINS: 'https://app.example' });
    for (const method of ['PUT', 'DELETE', 'POST']) {
      const res = await http
        .options('/scheduler/jobs/00000000-0000-4000-8000-000000000000')
        .set('Origin', 'https://app.example')
        .set('Access-Control-Request-Method', method)
        .set('Access-Control-Request-Headers', 'content-type,x-api-key,x-actor')
        .expect(204);
      expect(res.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(res.headers['access-control-allow-methods']!.split(/,\s*/)).toEqual(expect.arrayContaining(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']));
      expect(res.headers['access-control-allow-headers']!.toLowerCase().split(/,\s*/)).toEqual(
        expect.arrayContaining(['content-type', 'x-api-key', 'x-actor']),
      );
    }
    const other = await http.options('/scheduler/jobs').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'DELETE');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

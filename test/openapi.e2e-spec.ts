import { useE2eApp } from './support/e2e-context.js';

interface Schema {
  properties?: Record<string, { description?: string; example?: unknown; $ref?: string; allOf?: unknown[] }>;
}

describe('OpenAPI explorer', () => {
  const { http } = useE2eApp('memory');
  let spec: { paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { schemas: Record<string, Schema> } };

  beforeAll(async () => {
    spec = (await http().get('/docs-json').expect(200)).body;
  });

  it('serves the explorer page at /docs', async () => {
    const page = await http().get('/docs').redirects(1).expect(200);
    expect(page.text).toContain('swagger-ui');
    const bundle = await http().get('/docs/swagger-ui-bundle.js').expect(200); // served by @fastify/static
    expect(bundle.headers['content-type']).toMatch(/javascript/);
  });

  it('documents every route with its answers', () => {
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(
      [
        'POST /scheduler/jobs',
        'GET /scheduler/jobs',
        'GET /scheduler/jobs/{id}',
        'PUT /scheduler/jobs/{id}',
        'DELETE /scheduler/jobs/{id}',
        'POST /scheduler/jobs/{id}/start',
        'POST /scheduler/jobs/{id}/stop',
        'GET /scheduler/jobs/{id}/status',
        'POST /scheduler/jobs/{id}/run',
        'GET /scheduler/jobs/{id}/runs',
        'GET /scheduler/jobs/{id}/next-runs',
        'GET /scheduler/jobs/{id}/audit',
        'GET /scheduler/status',
        'POST /scheduler/start',
        'POST /scheduler/stop',
        'GET /scheduler/dashboard',
        'POST /scheduler/schedule-preview',
        'GET /market-data/{symbol}',
        'GET /market-data/{symbol}/actions',
        'GET /health',
        'GET /metrics',
      ].sort(),
    );
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const codes = Object.keys(operation.responses);
        expect({ route: `${method} ${path}`, ok: codes.some((c) => c.startsWith('2')) }).toEqual({ route: `${method} ${path}`, ok: true });
        if (path.startsWith('/scheduler') || path.startsWith('/market-data')) {
          expect({ route: `${method} ${path}`, codes: codes.filter((c) => ['400', '503'].includes(c)) }).toEqual({ route: `${method} ${path}`, codes: ['400', '503'] });
        }
        if (path.includes('{id}')) expect(codes).toContain('404');
      }
    }
  });

  it('gives every request field a description and an example', () => {
    for (const name of ['CreateJobDto', 'UpdateJobDto']) {
      const props = spec.components.schemas[name].properties ?? {};
      expect(Object.keys(props).length).toBe(15);
      for (const [field, prop] of Object.entries(props)) {
        expect({ field, described: Boolean(prop.description), example: prop.example !== undefined }).toEqual({
          field,
          described: true,
          example: true,
        });
      }
    }
    for (const name of ['JobDto', 'RunRecordDto', 'SchedulerStatusDto', 'BarDto', 'ErrorDto']) {
      expect(Object.keys(spec.components.schemas[name].properties ?? {}).length).toBeGreaterThan(2);
    }
  });
});

import { useE2eApp } from './support/e2e-context.js';

interface Property {
  type?: string;
  format?: string;
  nullable?: boolean;
  description?: string;
  example?: unknown;
  $ref?: string;
  allOf?: unknown[];
}

interface Schema {
  properties?: Record<string, Property>;
}

interface Operation {
  responses: Record<string, { description: string }>;
  parameters?: Array<{ name: string; in: string; schema: Property }>;
  requestBody?: { content: Record<string, { examples?: Record<string, { value: object }> }> };
  security?: unknown[];
}

const STRING_OR_NULL = { type: 'string', nullable: true };
const INTEGER_OR_NULL = { type: 'integer', nullable: true };

describe('OpenAPI explorer', () => {
  const { http } = useE2eApp('memory', { env: { WEBHOOK_ALLOW_HOSTS: 'hooks.example.com' } });
  let spec: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> }; security: unknown[] };
  const operations = () =>
    Object.entries(spec.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, path, method, operation })));

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
        'GET /scheduler/jobs/{id}/runs/{run_id}',
        'GET /scheduler/jobs/{id}/next-runs',
        'GET /scheduler/jobs/{id}/audit',
        'GET /scheduler/jobs/{id}/chain',
        'GET /scheduler/status',
        'POST /scheduler/start',
        'POST /scheduler/stop',
        'GET /scheduler/dashboard',
        'GET /scheduler/events',
        'POST /scheduler/webhooks',
        'GET /scheduler/webhooks',
        'GET /scheduler/webhooks/{id}',
        'PUT /scheduler/webhooks/{id}',
        'DELETE /scheduler/webhooks/{id}',
        'GET /scheduler/webhooks/{id}/deliveries',
        'POST /scheduler/webhooks/{id}/deliveries/{delivery_id}/redeliver',
        'POST /scheduler/schedule-preview',
        'GET /market-data/{symbol}',
        'GET /market-data/{symbol}/actions',
        'GET /market-data/{symbol}/quotes',
        'GET /market-data/quotes/latest',
        'GET /market-data/{symbol}/options',
        'GET /market-data/{symbol}/profile',
        'GET /market-data/{symbol}/earnings',
        'GET /market-data/{symbol}/news',
        'GET /market-data/economic-events',
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
      expect(Object.keys(props).length).toBe(29);
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

  it('types the schedule fields as what they are, each nullable', () => {
    const expected = { schedule_time: STRING_OR_NULL, cron: STRING_OR_NULL, interval_seconds: INTEGER_OR_NULL, start_date: STRING_OR_NULL, end_date: STRING_OR_NULL };
    for (const name of ['CreateJobDto', 'UpdateJobDto', 'SchedulePreviewDto']) {
      const props = spec.components.schemas[name].properties ?? {};
      const fields = Object.keys(expected).filter((field) => props[field]);
      expect({ name, types: Object.fromEntries(fields.map((field) => [field, { type: props[field].type, nullable: props[field].nullable }])) }).toEqual({
        name,
        types: Object.fromEntries(fields.map((field) => [field, expected[field as keyof typeof expected]])),
      });
    }
    expect(Object.keys(spec.components.schemas.SchedulePreviewDto.properties ?? {})).toEqual(expect.arrayContaining(['schedule_time', 'cron', 'interval_seconds']));
  });

  it('gives every job and run id the uuid format, in paths and in bodies', () => {
    const ids = operations().flatMap(({ route, operation }) =>
      (operation.parameters ?? []).filter((p) => p.in === 'path' && ['id', 'run_id'].includes(p.name)).map((p) => ({ at: `${route} ${p.name}`, format: p.schema.format })),
    );
    for (const [name, schema] of Object.entries(spec.components.schemas)) {
      for (const [field, prop] of Object.entries(schema.properties ?? {})) {
        if (['job_id', 'run_id'].includes(field)) ids.push({ at: `${name}.${field}`, format: prop.format });
      }
    }
    expect(ids.length).toBeGreaterThan(15);
    expect(ids.filter((id) => id.format !== 'uuid')).toEqual([]);
  });

  it('describes every answer, and documents 401 and 429 on every route the key and the rate limit guard', () => {
    const undescribed = operations().flatMap(({ route, operation }) => Object.entries(operation.responses).filter(([, r]) => !r.description?.trim()).map(([code]) => `${route} ${code}`));
    expect(undescribed).toEqual([]);
    for (const { route, path, operation } of operations()) {
      const codes = Object.keys(operation.responses);
      const guarded = path !== '/health';
      expect({ route, 401: codes.includes('401'), 429: codes.includes('429') }).toEqual({ route, 401: guarded, 429: guarded });
    }
    expect(spec.security).toEqual([{ 'api-key': [] }]);
    expect(spec.paths['/health'].get.security).toEqual([]);
    expect(Object.keys(spec.paths['/health'].get.responses)).toContain('503');
  });

  it('speaks of what things are, never of "seeds"', () => {
    expect(JSON.stringify(spec)).not.toMatch(/seed/i);
  });

  it('gives named request examples, each accepted as it is', async () => {
    const jobId = (await http().post('/scheduler/jobs').send({ name: 'target', stock_ids: ['AAPL'], is_active: false }).expect(201)).body.job_id;
    const webhookId = (await http().post('/scheduler/webhooks').send({ url: 'https://hooks.example.com/stocks', events: ['run.failed'] }).expect(201)).body.id;
    const withBody = operations().filter(({ operation }) => operation.requestBody);
    expect(withBody.map(({ route }) => route).sort()).toEqual(['POST /scheduler/jobs', 'POST /scheduler/schedule-preview', 'POST /scheduler/webhooks', 'PUT /scheduler/jobs/{id}', 'PUT /scheduler/webhooks/{id}']);
    for (const { route, path, method, operation } of withBody) {
      const examples = Object.entries(operation.requestBody!.content['application/json'].examples ?? {});
      // A schedule's bodies show each kind of schedule; every body has named examples.
      const named = path.startsWith('/scheduler/webhooks') ? expect.arrayContaining([expect.any(String)]) : expect.arrayContaining(['daily', 'cron', 'interval']);
      expect({ route, named: examples.map(([name]) => name) }).toEqual({ route, named });
      for (const [name, example] of examples) {
        const res = await http()[method as 'post' | 'put'](path.replace('{id}', path.startsWith('/scheduler/webhooks') ? webhookId : jobId)).send(example.value);
        expect({ route, name, answer: res.status < 300 ? '2xx' : [res.status, res.body] }).toEqual({ route, name, answer: '2xx' });
      }
    }
  });
});

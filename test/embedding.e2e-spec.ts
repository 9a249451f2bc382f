import { Controller, Get, Injectable, Module } from '@nestjs/common';
import { Cron, ScheduleModule, SchedulerRegistry } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { CRON_NAME_PREFIX, DashboardModule, HealthModule, JobManager, MetricsModule, SchedulerModule } from '../src/index.js';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { testRedisUrl } from './support/test-app.js';

const HOST_SETTINGS = 'HOST_SETTINGS';

@Module({ providers: [{ provide: HOST_SETTINGS, useValue: { redis: testRedisUrl, zone: 'Europe/London' } }], exports: [HOST_SETTINGS] })
class HostSettingsModule {}

@Injectable()
class HostTask {
  @Cron('0 0 * * *', { name: 'nightly-report' })
  report(): void {}
}

/** A host endpoint using the module's exported service. */
@Controller('host')
class HostController {
  constructor(private readonly jobs: JobManager) {}

  @Get('job-count')
  async count(): Promise<{ count: number }> {
    return { count: (await this.jobs.list(false)).length };
  }
}

describe('SchedulerModule embedded in a host app', () => {
  let yahoo: FakeYahoo;

  beforeAll(async () => {
    yahoo = await startFakeYahoo();
  });
  afterAll(() => yahoo.close());

  it('is configured through forRootAsync, serves its routes (and /health, /metrics, /ui when the host imports them), and keeps its CronJobs apart from the host\'s', async () => {
    const keyPrefix = `test:embed:${Date.now()}:`;
    @Module({
      imports: [
        ScheduleModule.forRoot(),
        SchedulerModule.forRootAsync({
          imports: [HostSettingsModule],
          inject: [HOST_SETTINGS],
          useFactory: (settings: { redis: () => string; zone: string }) => ({
            redisUrl: settings.redis(),
            keyPrefix,
            timezone: settings.zone,
            yahoo: { baseUrl: yahoo.url },
          }),
        }),
        HealthModule,
        MetricsModule,
        DashboardModule,
      ],
      controllers: [HostController],
      providers: [HostTask],
    })
    class HostAppModule {}

    const moduleRef = await Test.createTestingModule({ imports: [HostAppModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: ['error'] });
    await app.init();
    try {
      const http = request(app.getHttpServer());
      const created = await http.post('/scheduler/jobs').send({ name: 'embedded', stock_ids: ['AAPL'] }).expect(201);
      const job = (await http.get(`/scheduler/jobs/${created.body.job_id}`).expect(200)).body;
      expect(job.timezone).toBe('Europe/London');
      expect(job.next_run).toMatch(/T17:00:00\.000\+0[01]:00$/);
      expect((await http.get('/host/job-count').expect(200)).body).toEqual({ count: 1 });
      expect((await http.get('/health').expect(200)).body).toMatchObject({ status: 'healthy', store: 'redis' });
      expect((await http.get('/metrics').expect(200)).text).toContain('scheduler_');
      // The dashboard on the host's platform (Express here), its files linked relative to /ui.
      expect((await http.get('/ui').expect(200).expect('content-type', /text\/html/)).text).toContain('src="ui/app.js"');
      await http.get('/ui/app.js').expect(200).expect('content-type', /javascript/);

      const names = [...app.get(SchedulerRegistry).getCronJobs().keys()].sort();
      expect(names).toEqual([`${CRON_NAME_PREFIX}${created.body.job_id}`, 'nightly-report'].sort());
      await http.delete(`/scheduler/jobs/${created.body.job_id}`).expect(200);
      expect([...app.get(SchedulerRegistry).getCronJobs().keys()]).toEqual(['nightly-report']);
    } finally {
      await app.close();
    }
  });

  it('serves the dashboard below a host\'s global prefix, its files and API calls resolving there', async () => {
    @Module({ imports: [ScheduleModule.forRoot(), SchedulerModule.forRoot({ yahoo: { baseUrl: yahoo.url } }), DashboardModule] })
    class PrefixedHostModule {}
    const moduleRef = await Test.createTestingModule({ imports: [PrefixedHostModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: ['error'] });
    app.setGlobalPrefix('host');
    await app.init();
    try {
      const http = request(app.getHttpServer());
      const page = (await http.get('/host/ui').expect(200)).text;
      const files = [...page.matchAll(/(?:src|href)="(ui\/[^"]+)"/g)].map((match) => new URL(match[1]!, 'http://host.test/host/ui').pathname);
      expect(files).toEqual(['/host/ui/style.css', '/host/ui/app.js']);
      for (const file of files) await http.get(file).expect(200);
      // api.js calls the API at new URL('../', its own URL): /host/ for /host/ui/api.js.
      expect((await http.get('/host/ui/api.js').expect(200)).text).toContain("new URL('../', import.meta.url)");
      expect(new URL('../', 'http://host.test/host/ui/api.js').pathname).toBe('/host/');
      await http.get('/host/scheduler/status').expect(200);
    } finally {
      await app.close();
    }
  });
});

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { startService, type ServiceProcess } from './support/app-process.mjs';
import { checkoutRanges, writeHostApp } from './support/packed-host.js';
import { freshEnv, sh } from './support/scratch-shell.js';
import { eventually } from './support/test-app.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** What the host brings itself: Nest, its HTTP platform and @nestjs/config (the README example's), the module's other peers. */
const HOST_OWN = ['@nestjs/common', '@nestjs/core', '@nestjs/platform-express', '@nestjs/schedule', '@nestjs/swagger', 'class-transformer', 'class-validator', 'reflect-metadata', 'rxjs'];

/** `npm pack` of this checkout (compiled as `npm run build` does), installed into a scratch host app with its own Nest. */
describe('the packed module in a host app', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'packed-module-'));
  let host: ServiceProcess;

  beforeAll(async () => {
    const pkg = join(scratch, 'package');
    mkdirSync(pkg);
    copyFileSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
    copyFileSync(join(ROOT, 'README.md'), join(pkg, 'README.md'));
    sh(`"${process.execPath}" "${join(ROOT, 'node_modules/typescript/bin/tsc')}" -p "${join(ROOT, 'tsconfig.build.json')}" --outDir "${join(pkg, 'dist')}"`, ROOT);
    sh(`npm pack --ignore-scripts --pack-destination "${scratch}"`, pkg);
    const [tarball] = readdirSync(scratch).filter((name) => name.endsWith('.tgz'));

    const hostDir = join(scratch, 'host');
    const ranges = checkoutRanges(ROOT);
    const own = Object.fromEntries(HOST_OWN.map((name) => [name, ranges[name]]));
    writeHostApp(hostDir, readFileSync(join(ROOT, 'README.md'), 'utf8'), { ...own, '@types/node': ranges['@types/node'], '@nestjs/config': '^12.0.1', 'stock-data-scheduler': `file:../${tarball}` });
    sh('npm install --no-audit --no-fund', hostDir);
    sh(`"${process.execPath}" "${join(ROOT, 'node_modules/typescript/bin/tsc')}" -p tsconfig.json`, hostDir);
    // no REDIS_URL: the example's config.get('REDIS_URL') is undefined, so the module runs on its in-process store
    host = await startService({}, { cwd: hostDir, args: ['dist/main.js'], env: freshEnv(), readyPath: '/host/ticks' });
  }, 300_000);
  afterAll(async () => {
    await host?.kill('SIGTERM');
    rmSync(scratch, { recursive: true, force: true });
  });

  it('declares Nest, reflect-metadata and rxjs as peers, so what it loads are the host\'s own copies', () => {
    const installed = join(scratch, 'host/node_modules/stock-data-scheduler');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(HOST_OWN.filter((name) => name in (manifest.dependencies ?? {}))).toEqual([]);
    expect(Object.keys(manifest.peerDependencies ?? {}).sort()).toEqual(HOST_OWN.filter((name) => name !== '@nestjs/platform-express').sort());
    const fromModule = createRequire(join(installed, 'dist/index.js'));
    const fromHost = createRequire(join(scratch, 'host/dist/main.js'));
    for (const name of ['@nestjs/core', '@nestjs/schedule', 'class-validator']) expect(fromModule.resolve(name)).toBe(fromHost.resolve(name));
  });

  it('serves /scheduler/jobs through the host, validated by the host\'s pipe, while the host\'s own @Cron job ticks', async () => {
    const http = request(host.url);
    const ticksBefore = (await http.get('/host/ticks').expect(200)).body.count;
    const created = await http.post('/scheduler/jobs').send({ name: 'packed', stock_ids: ['AAPL'], cron: '0 0 1 1 *' }).expect(201);
    const id = created.body.job_id;
    const job = (await http.get(`/scheduler/jobs/${id}`).expect(200)).body;
    expect(job).toMatchObject({ name: 'packed', stock_ids: ['AAPL'], timezone: 'America/New_York', is_active: true });
    expect((await http.get('/scheduler/jobs').expect(200)).body.map((j: { job_id: string }) => j.job_id)).toEqual([id]);
    await http.put(`/scheduler/jobs/${id}`).send({ stock_ids: ['MSFT'] }).expect(200);
    expect((await http.get(`/scheduler/jobs/${id}`).expect(200)).body.stock_ids).toEqual(['MSFT']);
    const refused = await http.post('/scheduler/jobs').send({ name: 'bad', stock_ids: [] }).expect(400);
    expect(JSON.stringify(refused.body.message)).toContain('stock_ids');
    await http.delete(`/scheduler/jobs/${id}`).expect(200);
    await http.get(`/scheduler/jobs/${id}`).expect(404);
    await eventually(async () => ((await http.get('/host/ticks')).body.count >= ticksBefore + 2 ? true : undefined), 10_000, 'two ticks of the host\'s @Cron job');
  });
});

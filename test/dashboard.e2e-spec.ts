/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { launchChromium } from './support/browser.js';
import { useE2eApp } from './support/e2e-context.js';

const SHOTS = 'artifacts/screenshots';
const SYMBOLS = ['AAPL', 'MSFT', 'GOOG', 'AMZN'];

/** The dashboard in a real browser (Debian's chromium through playwright-core), on the real app. */
describe('the dashboard at /ui', () => {
  const ctx = useE2eApp('redis', { env: { FETCH_CONCURRENCY: '1' } });
  let browser: Browser;
  let page: Page;
  let url: string;
  const violations: string[] = [];
  let jobId: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await ctx.t.app.listen(0, '127.0.0.1');
    url = (await ctx.t.app.getUrl()).replace('[::1]', '127.0.0.1');
    for (let i = 0; i < 500; i++) await ctx.http().post('/scheduler/jobs').send({ name: `bulk job ${i}`, stock_ids: [`SYM${i}`], is_active: false }).expect(201);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // A 4xx the page provokes on purpose is logged too; what must never happen is a CSP refusal or an uncaught error.
    page.on('console', (message) => /Content Security Policy|Refused to/.test(message.text()) && violations.push(message.text()));
    page.on('pageerror', (error) => violations.push(error.message));
  }, 60_000);
  afterAll(async () => browser?.close());

  it('serves its page under helmet\'s CSP, without inline scripts, and no file outside its own', async () => {
    const answer = await ctx.http().get('/ui').expect(200);
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
    expect(answer.text).not.toMatch(/<script(?![^>]*\bsrc=)/);
    await ctx.http().get('/ui/..%2Fpackage.json').expect(404);
    await ctx.http().get('/ui/lightweight-charts.mjs').expect(200).expect('content-type', /javascript/);
  });

  it('creates a job through the form, showing the API\'s 400 at the field first', async () => {
    await page.goto(`${url}/ui#/new`);
    await page.getByLabel('Name').fill('Dashboard bars');
    await page.getByLabel('Symbols').fill('AAPL, MSFT\nGOOG AMZN $$$');
    await page.getByLabel('Schedule', { exact: true }).selectOption('cron');
    await page.getByLabel('Schedule value').fill('0 0 1 1 *');
    await page.locator('#f-schedule-preview li').first().waitFor();
    await page.getByRole('button', { name: 'Create job' }).click();
    const error = page.locator('#f-stock_ids-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toMatch(/stock_ids/);
    expect(await page.locator('#f-stock_ids').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: `${SHOTS}/create-form-error.png`, fullPage: true });

    await page.getByLabel('Symbols').fill(SYMBOLS.join(', '));
    await page.getByRole('button', { name: 'Create job' }).click();
    await page.waitForURL(/#\/jobs\/[0-9a-f-]{36}$/);
    jobId = page.url().split('/').at(-1)!;
    const stored = (await ctx.http().get(`/scheduler/jobs/${jobId}`).expect(200)).body;
    expect(stored).toMatchObject({ name: 'Dashboard bars', stock_ids: SYMBOLS, cron: '0 0 1 1 *' });
  }, 30_000);

  it('leaves a dataset its own default schedule and sends no field of another dataset', async () => {
    await page.goto(`${url}/ui#/new`);
    await page.getByLabel('Name').fill('Quotes from the form');
    await page.getByLabel('Dataset').selectOption('stock_quotes');
    await page.getByLabel('Symbols').fill('aapl msft');
    await page.locator('#f-schedule-preview li').first().waitFor();
    await page.getByRole('button', { name: 'Create job' }).click();
    await page.waitForURL(/#\/jobs\/[0-9a-f-]{36}$/);
    const stored = (await ctx.http().get(`/scheduler/jobs/${page.url().split('/').at(-1)}`).expect(200)).body;
    expect(stored).toMatchObject({ dataset: 'stock_quotes', stock_ids: ['AAPL', 'MSFT'], interval_seconds: 60, market_hours_only: true });
    await ctx.http().delete(`/scheduler/jobs/${stored.job_id}`).expect(200);
  }, 30_000);

  it('creates a job that only runs after another, and shows the chain on both job pages', async () => {
    await page.goto(`${url}/ui#/new`);
    await page.getByLabel('Name').fill('After the bars');
    await page.getByLabel('Symbols').fill('MSFT');
    await page.getByLabel('Schedule', { exact: true }).selectOption('chain_only');
    await page.getByText(/No schedule of its own/).waitFor();
    await page.getByLabel('Runs after jobs (ids)').fill(jobId);
    await page.getByRole('button', { name: 'Create job' }).click();
    await page.waitForURL(/#\/jobs\/[0-9a-f-]{36}$/);
    const chainedId = page.url().split('/').at(-1)!;
    expect((await ctx.http().get(`/scheduler/jobs/${chainedId}`).expect(200)).body).toMatchObject({ run_after: [jobId], run_after_on: 'completed', cron: null, next_run: null });
    await page.getByText('after 1 other job (chain only)').first().waitFor();
    await page.getByRole('link', { name: 'Dashboard bars' }).click();
    await page.getByRole('link', { name: 'After the bars' }).waitFor();
    await ctx.http().delete(`/scheduler/jobs/${chainedId}`).expect(200);
  }, 30_000);

  it('finds the job by search among 500', async () => {
    await page.goto(`${url}/ui#/jobs`);
    await page.locator('#jobs-body tr').first().waitFor();
    expect(await page.locator('#jobs-body tr').count()).toBe(50);
    await page.getByLabel('Search').fill('dashboard');
    await page.waitForFunction(() => document.querySelectorAll('#jobs-body tr').length === 1);
    expect(await page.locator('#jobs-body tr a').textContent()).toBe('Dashboard bars');
    await page.getByLabel('Search').fill('SYM49');
    await page.waitForFunction(() => document.querySelectorAll('#jobs-body tr').length === 11); // SYM49 and SYM490-499
    await page.screenshot({ path: `${SHOTS}/jobs.png`, fullPage: true });
  }, 30_000);

  it('runs the job now and shows its progress to the end without a reload', async () => {
    for (const symbol of SYMBOLS) ctx.yahoo.override(symbol, { delayMs: 700, times: 1 });
    await page.goto(`${url}/ui#/jobs/${jobId}`);
    await page.getByRole('button', { name: 'Run now' }).waitFor();
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.getByRole('button', { name: 'Run now' }).click();
    const runId = (await page.getByRole('status').filter({ hasText: 'started' }).textContent())!.match(/Run (\S+) started/)![1]!;
    const bar = `progress[data-run-id="${runId}"]`;
    await page.waitForFunction((selector) => {
      const element = document.querySelector<HTMLProgressElement>(selector);
      return element !== null && element.value > 0 && element.value < element.max;
    }, bar, { timeout: 10_000 });
    await page.screenshot({ path: `${SHOTS}/job-running.png`, fullPage: true });
    await page.waitForFunction((selector) => {
      const element = document.querySelector<HTMLProgressElement>(selector);
      return element !== null && element.value === 4 && element.max === 4 && element.closest('li')!.textContent!.includes('success');
    }, bar, { timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/job.png`, fullPage: true });
  }, 40_000);

  it('draws the stored bars as a chart and downloads them as CSV', async () => {
    await page.goto(`${url}/ui#/symbols/AAPL`);
    await page.locator('#chart canvas').first().waitFor();
    await page.waitForFunction(() => /\d+ bars/.test(document.querySelector('main [role=status]')?.textContent ?? ''));
    // The recorded AAPL chart is of 2020: the last year holds none of it, All holds it again.
    await page.getByRole('button', { name: '1Y' }).click();
    await page.waitForFunction(() => /No 1d bars stored/.test(document.querySelector('main [role=status]')?.textContent ?? ''));
    await page.getByRole('button', { name: 'All' }).click();
    await page.waitForFunction(() => /\d+ bars/.test(document.querySelector('main [role=status]')?.textContent ?? ''));
    // The canvas is not blank: it comes to hold candle-coloured pixels (green up, red down) once the chart has painted.
    const coloured = await (await page.waitForFunction(() => {
      let count = 0;
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>('#chart canvas')) {
        if (canvas.width === 0 || canvas.height === 0) continue;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 0; i < data.length; i += 4) if ((data[i] === 0x1a && data[i + 1] === 0x7f) || (data[i] === 0xcf && data[i + 1] === 0x22)) count++;
      }
      return count > 100 && count;
    }, undefined, { timeout: 10_000 })).jsonValue();
    expect(coloured).toBeGreaterThan(100);
    await page.locator('#chart').screenshot({ path: `${SHOTS}/chart.png` });
    await page.screenshot({ path: `${SHOTS}/symbol.png`, fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const api = (await request(ctx.t.app.getHttpServer()).get('/market-data/AAPL?format=csv&interval=1d').expect(200)).text;
    expect(csv).toBe(api);
    expect(csv.split('\n').length).toBeGreaterThan(3);
  }, 30_000);

  it('edits, stops, starts, duplicates and deletes (after a confirmation) a job', async () => {
    await page.goto(`${url}/ui#/jobs/${jobId}/edit`);
    await page.getByLabel('Name').fill('Dashboard bars, renamed');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(new RegExp(`#/jobs/${jobId}$`));
    await page.getByRole('heading', { name: /renamed/ }).waitFor();
    expect((await ctx.http().get(`/scheduler/jobs/${jobId}`).expect(200)).body).toMatchObject({ name: 'Dashboard bars, renamed', stock_ids: SYMBOLS });

    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('button', { name: 'Start' }).waitFor();
    expect((await ctx.http().get(`/scheduler/jobs/${jobId}`).expect(200)).body).toMatchObject({ is_active: false, status: 'paused' });
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    expect((await ctx.http().get(`/scheduler/jobs/${jobId}`).expect(200)).body).toMatchObject({ is_active: true });

    await page.getByRole('link', { name: 'Duplicate' }).click();
    await page.getByRole('button', { name: 'Create job' }).click();
    await page.waitForURL((target) => /#\/jobs\/[0-9a-f-]{36}$/.test(target.hash) && !target.hash.includes(jobId));
    const copyId = page.url().split('/').at(-1)!;
    expect((await ctx.http().get(`/scheduler/jobs/${copyId}`).expect(200)).body).toMatchObject({ name: 'Copy of Dashboard bars, renamed', stock_ids: SYMBOLS, cron: '0 0 1 1 *' });

    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Delete' }).click();
    await ctx.http().get(`/scheduler/jobs/${copyId}`).expect(200); // dismissed: kept
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(/#\/jobs$/);
    await ctx.http().get(`/scheduler/jobs/${copyId}`).expect(404);
  }, 30_000);

  it('shows the overview with totals, health and live runs, switches the scheduler, and broke no CSP rule', async () => {
    await page.goto(`${url}/ui#/`);
    await page.getByText('Nothing runs now.').waitFor();
    for (const symbol of SYMBOLS) ctx.yahoo.override(symbol, { delayMs: 700, times: 1 });
    const { run_id } = (await ctx.http().post(`/scheduler/jobs/${jobId}/run`).expect(202)).body;
    await page.locator(`[data-run-row="${run_id}"] progress`).waitFor();
    await page.screenshot({ path: `${SHOTS}/overview-running.png`, fullPage: true });
    await page.locator(`[data-run-row="${run_id}"]`).waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByText('Nothing runs now.').waitFor();
    await page.getByRole('button', { name: 'Pause scheduler' }).click();
    await page.getByRole('button', { name: 'Resume scheduler' }).waitFor();
    expect((await ctx.http().get('/scheduler/status').expect(200)).body.is_running).toBe(false);
    await page.getByRole('button', { name: 'Resume scheduler' }).click();
    await page.getByRole('button', { name: 'Pause scheduler' }).waitFor();
    expect(await page.locator('.card .value').first().textContent()).toBe('501');
    expect(await page.locator('#providers li').first().textContent()).toMatch(/^yahoo up/);
    await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });
    expect(violations).toEqual([]);
  }, 30_000);

  it('labels every control, and fits a phone screen', async () => {
    for (const hash of ['#/', '#/jobs', '#/new', `#/jobs/${jobId}`, '#/symbols/AAPL']) {
      await page.goto(`${url}/ui${hash}`);
      await page.locator('main h1').waitFor();
      const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
        .filter((element) => !(element as HTMLElement).closest('dialog') && (element as HTMLElement).offsetParent !== null)
        .filter((element) => !((element as HTMLInputElement).labels?.length || element.getAttribute('aria-label') || (element.tagName === 'BUTTON' && element.textContent!.trim())))
        .map((element) => element.outerHTML));
      expect({ hash, unlabelled }).toEqual({ hash, unlabelled: [] });
    }
    await page.setViewportSize({ width: 390, height: 844 });
    for (const hash of ['#/', '#/jobs', '#/symbols/AAPL']) {
      await page.goto(`${url}/ui${hash}`);
      await page.locator('main h1').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    // Keyboard only: from the page's heading, Tab reaches every action of a job.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${url}/ui#/jobs/${jobId}`);
    await page.getByRole('button', { name: 'Run now' }).waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      reached.push((await page.evaluate(() => document.activeElement?.textContent?.trim())) ?? '');
    }
    expect(reached).toEqual(expect.arrayContaining(['Run now', 'Stop', 'Edit', 'Duplicate', 'Delete']));
  }, 30_000);
});

describe('the dashboard behind API_KEY', () => {
  const ctx = useE2eApp('memory', { env: { API_KEY: 'dashboard-key' } });
  let browser: Browser;

  beforeAll(async () => {
    await ctx.t.app.listen(0, '127.0.0.1');
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => browser?.close());

  it('asks for the key once, keeps it for the tab, and then shows the data', async () => {
    const url = (await ctx.t.app.getUrl()).replace('[::1]', '127.0.0.1');
    await ctx.http().post('/scheduler/jobs').set('X-API-Key', 'dashboard-key').send({ name: 'Behind a key', stock_ids: ['AAPL'] }).expect(201);
    const page = await browser.newPage();
    await page.goto(`${url}/ui#/jobs`);
    const dialog = page.getByRole('dialog', { name: 'API key' });
    await dialog.waitFor();
    await page.screenshot({ path: `${SHOTS}/api-key.png` });
    await page.getByLabel('Key', { exact: true }).fill('dashboard-key');
    await page.getByRole('button', { name: 'Use key' }).click();
    await page.getByRole('link', { name: 'Behind a key' }).waitFor();
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual(['dashboard-key']);
    await page.getByText('live', { exact: true }).waitFor(); // the event stream, with the key
    await page.goto(`${url}/ui#/`);
    await page.locator('.card .value').first().waitFor();
    expect(await dialog.isVisible()).toBe(false);
  }, 30_000);
});

describe('UI_ENABLED=false', () => {
  const ctx = useE2eApp('memory', { env: { UI_ENABLED: 'false' } });

  it('serves no dashboard, and the API as before', async () => {
    await ctx.http().get('/ui').expect(404);
    await ctx.http().get('/ui/app.js').expect(404);
    await ctx.http().get('/scheduler/status').expect(200);
  });
});

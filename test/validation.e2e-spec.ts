import { useE2eApp } from './support/e2e-context.js';
import { keysUnder } from './support/test-app.js';

const valid = { name: 'Tech', stock_ids: ['AAPL'] };
/** `{ "n": { "n": … } }`, `levels` objects deep. */
const nested = (levels: number): object => Array.from({ length: levels - 1 }).reduce<object>((inner) => ({ n: inner }), {});
const LONE = '\ud800';

/** [what, body, a fragment the 400 message must contain] */
const badCreates: [string, unknown, string][] = [
  ['missing name', { stock_ids: ['AAPL'] }, 'name'],
  ['empty name', { ...valid, name: '' }, 'name must be longer than or equal to 1'],
  ['name too long', { ...valid, name: 'x'.repeat(201) }, 'name must be shorter than or equal to 200'],
  ['missing stock_ids', { name: 'Tech' }, 'stock_ids'],
  ['empty stock_ids', { ...valid, stock_ids: [] }, 'stock_ids must contain at least 1 elements'],
  ['stock_ids not an array', { ...valid, stock_ids: 'AAPL' }, 'stock_ids must be an array'],
  ['symbol with a space', { ...valid, stock_ids: ['AA PL'] }, 'stock_ids must be a Yahoo symbol'],
  ['symbol with a key separator', { ...valid, stock_ids: ['AAPL:1d'] }, 'stock_ids must be a Yahoo symbol'],
  ['symbol too long', { ...valid, stock_ids: ['A'.repeat(21)] }, 'stock_ids must be a Yahoo symbol'],
  ['too many symbols', { ...valid, stock_ids: Array.from({ length: 1001 }, (_, i) => `S${i}`) }, 'stock_ids must contain no more than 1000'],
  ['schedule_time 24:00', { ...valid, schedule_time: '24:00' }, 'schedule_time must be HH:MM'],
  ['schedule_time 7:5', { ...valid, schedule_time: '7:5' }, 'schedule_time must be HH:MM'],
  ['schedule_time with seconds', { ...valid, schedule_time: '17:00:00' }, 'schedule_time must be HH:MM'],
  ['unknown time zone', { ...valid, timezone: 'Mars/Olympus' }, 'timezone'],
  ['bad cron', { ...valid, cron: '61 * * * *' }, 'cron'],
  ['cron with 3 fields', { ...valid, cron: '* * *' }, 'cron must have 5 fields'],
  ['two schedules', { ...valid, schedule_time: '17:00', cron: '0 17 * * *' }, 'only one of schedule_time, cron or interval_seconds'],
  ['interval 0', { ...valid, interval_seconds: 0 }, 'interval_seconds must not be less than 1'],
  ['interval over 31 days', { ...valid, interval_seconds: 31 * 86400 + 1 }, 'interval_seconds must not be greater than'],
  ['start after end', { ...valid, start_date: '2025-02-01', end_date: '2025-01-01' }, 'start_date (2025-02-01) must not be after end_date'],
  ['impossible date', { ...valid, start_date: '2025-02-30' }, 'start_date must be a real calendar date'],
  ['date-time instead of date', { ...valid, end_date: '2025-01-01T00:00:00Z' }, 'end_date must be a date YYYY-MM-DD'],
  ['prefix with a colon', { ...valid, prefix: 'a:b' }, 'prefix must be 1–64'],
  ['reserved prefix', { ...valid, prefix: 'scheduler' }, 'prefix "scheduler" is reserved'],
  ['unknown interval', { ...valid, data_interval: '2d' }, 'data_interval must be one of'],
  ['lookback 0', { ...valid, lookback_days: 0 }, 'lookback_days must not be less than 1'],
  ['1m bars over 30 days', { ...valid, data_interval: '1m', lookback_days: 30 }, 'data_interval 1m allows at most 7 days per request'],
  ['negative misfire grace', { ...valid, misfire_grace_seconds: -1 }, 'misfire_grace_seconds must not be less than 0'],
  ['is_active as string', { ...valid, is_active: 'yes' }, 'is_active must be a boolean'],
  ['unknown field', { ...valid, owner: 'me' }, 'property owner should not exist'],
  ['unknown dataset', { ...valid, dataset: 'crypto' }, 'dataset must be one of the following values'],
  ['economic_events on Yahoo', { name: 'calendar', dataset: 'economic_events' }, 'economic_events needs a provider with an economic calendar; Yahoo Finance has none'],
  ['stock_ids on an economic_events job', { ...valid, dataset: 'economic_events' }, 'stock_ids does not apply to economic_events jobs: they take countries'],
  ['countries on a bars job', { ...valid, countries: ['US'] }, 'countries applies only to economic_events jobs, not historical_prices'],
  ['a country that is not a code', { name: 'calendar', dataset: 'economic_events', countries: ['USA'] }, 'each value in countries must be an ISO 3166 alpha-2 country code, e.g. US'],
  ['no stock_ids on a bars job', { name: 'bars' }, 'stock_ids must contain at least 1 elements'],
  ['a bars field on a quotes job', { ...valid, dataset: 'stock_quotes', lookback_days: 5 }, 'lookback_days applies only to historical_prices jobs, not stock_quotes'],
  ['write_snapshot on a news job', { ...valid, dataset: 'news_data', write_snapshot: true }, 'write_snapshot applies only to historical_prices jobs, not news_data'],
  ['retention_days on a bars job', { ...valid, retention_days: 5 }, 'retention_days applies only to stock_quotes and options_chain and news_data and economic_events jobs'],
  ['expirations on a quotes job', { ...valid, dataset: 'stock_quotes', expirations: 2 }, 'expirations applies only to options_chain jobs'],
  ['13 expirations', { ...valid, dataset: 'options_chain', expirations: 13 }, 'expirations must not be greater than 12'],
  ['news_count 0', { ...valid, dataset: 'news_data', news_count: 0 }, 'news_count must not be less than 1'],
  ['news_count 51', { ...valid, dataset: 'news_data', news_count: 51 }, 'news_count must not be greater than 50'],
  ['retention_days 0', { ...valid, dataset: 'stock_quotes', retention_days: 0 }, 'retention_days must not be less than 1'],
  ['an unconfigured provider', { ...valid, providers: ['finnhub'] }, 'provider finnhub is not configured (MARKET_DATA_PROVIDERS is yahoo)'],
  ['an unknown provider', { ...valid, providers: ['bloomberg'] }, 'each of providers must be one of yahoo, alpha_vantage, finnhub, polygon, massive'],
  ['a provider twice', { ...valid, providers: ['polygon', 'massive'] }, 'providers: provider "massive" is listed twice'],
  ['no providers', { ...valid, providers: [] }, 'providers must contain at least 1 elements'],
  ['symbol "."', { ...valid, stock_ids: ['.'] }, 'stock_ids must be a Yahoo symbol'],
  ['symbol ".."', { ...valid, stock_ids: ['AAPL', '..'] }, 'stock_ids must be a Yahoo symbol'],
  ['symbol with a leading dot', { ...valid, stock_ids: ['.AAPL'] }, 'stock_ids must be a Yahoo symbol'],
  ['symbol without a letter or digit', { ...valid, stock_ids: ['^-='] }, 'stock_ids must be a Yahoo symbol'],
  ['symbol with a dotless i', { ...valid, stock_ids: ['\u0131bm'] }, 'stock_ids must be a Yahoo symbol'],
  ['symbol with a long s', { ...valid, stock_ids: ['\u017fpy'] }, 'stock_ids must be a Yahoo symbol'],
  ['symbol with a leading NBSP', { ...valid, stock_ids: ['\u00a0AAPL'] }, 'stock_ids must be a Yahoo symbol'],
  ['symbol with a trailing BOM', { ...valid, stock_ids: ['AAPL\ufeff'] }, 'stock_ids must be a Yahoo symbol'],
  ['symbol with a leading space', { ...valid, stock_ids: [' AAPL'] }, 'stock_ids must be a Yahoo symbol'],
  ['name with a lone surrogate', { ...valid, name: `bad${LONE}name` }, 'name must be well-formed Unicode'],
  ['symbol with a lone surrogate', { ...valid, stock_ids: ['AAPL', `A${LONE}`] }, 'stock_ids.1 must be well-formed Unicode'],
  ['prefix with a lone surrogate', { ...valid, prefix: LONE }, 'prefix must be well-formed Unicode'],
  ['cron with a lone surrogate', { ...valid, cron: `* * * * ${LONE}` }, 'cron must be well-formed Unicode'],
  ['timezone with a lone surrogate', { ...valid, timezone: `America/New_York${LONE}` }, 'timezone must be well-formed Unicode'],
  ['schedule_time with a lone surrogate', { ...valid, schedule_time: `17:00${LONE}` }, 'schedule_time must be well-formed Unicode'],
  ['start_date with a lone surrogate', { ...valid, start_date: `2025-01-01${LONE}` }, 'start_date must be well-formed Unicode'],
  ['a field name with a lone surrogate', { ...valid, [`x${LONE}`]: 1 }, 'must be well-formed Unicode'],
  ['a body nested 1,500 levels', { ...valid, deep: nested(1500) }, 'request body must not nest deeper than 32 levels'],
  ['a body nested exactly 32 levels (the limit)', { ...valid, deep: nested(31) }, 'property deep should not exist'],
  ['a body nested 33 levels', { ...valid, deep: nested(32) }, 'request body must not nest deeper than 32 levels'],
  ['an array nested 1,500 levels', { ...valid, stock_ids: JSON.parse('['.repeat(1500) + ']'.repeat(1500)) }, 'must not nest deeper than 32'],
];

describe('bad input: a 400 naming the problem, and nothing written', () => {
  const ctx = useE2eApp('redis');
  const http = ctx.http;
  let jobId: string;
  let keysBefore: string[];

  beforeAll(async () => {
    jobId = (await http().post('/scheduler/jobs').send(valid).expect(201)).body.job_id;
    keysBefore = await keysUnder(ctx.t.redis!, ctx.t.keyPrefix);
  });
  afterEach(async () => {
    expect(await keysUnder(ctx.t.redis!, ctx.t.keyPrefix)).toEqual(keysBefore);
    expect(await ctx.t.redis!.get(`${ctx.t.keyPrefix}scheduler:job:${jobId}`)).toContain('"name":"Tech"');
  });

  it.each(badCreates)('POST /scheduler/jobs rejects %s', async (_what, body, fragment) => {
    const res = await http().post('/scheduler/jobs').send(body as object).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect([res.body.message].flat().join('; ')).toContain(fragment);
  });

  it('rejects a body that is not JSON', async () => {
    await http().post('/scheduler/jobs').set('content-type', 'application/json').send('{"name":').expect(400);
  });

  it.each([
    ['name null', { name: null }, 'name must not be null'],
    ['two schedules', { cron: '0 9 * * *', interval_seconds: 60 }, 'only one of'],
    ['end before stored start', { start_date: '2025-03-01', end_date: '2025-02-01' }, 'must not be after end_date'],
    ['symbol list empty', { stock_ids: [] }, 'stock_ids must contain at least 1'],
    ['unknown field', { colour: 'red' }, 'property colour should not exist'],
    ['another dataset', { dataset: 'news_data' }, 'dataset cannot be changed (this job is historical_prices): create a new job for news_data'],
    ['a field of another dataset', { news_count: 5 }, 'news_count applies only to news_data jobs, not historical_prices'],
    ['name with a lone surrogate', { name: `bad${LONE}name` }, 'name must be well-formed Unicode'],
    ['symbol "."', { stock_ids: ['.'] }, 'stock_ids must be a Yahoo symbol'],
    ['a body nested 1,500 levels', { deep: nested(1500) }, 'request body must not nest deeper than 32 levels'],
  ])('PUT /scheduler/jobs/:id rejects %s', async (_what, body, fragment) => {
    const res = await http().put(`/scheduler/jobs/${jobId}`).send(body).expect(400);
    expect([res.body.message].flat().join('; ')).toContain(fragment);
  });

  it.each([
    ['a body nested 1,500 levels', { cron: '0 9 * * *', deep: nested(1500) }, 'request body must not nest deeper than 32 levels'],
    ['cron with a lone surrogate', { cron: `0 9 * * ${LONE}` }, 'cron must be well-formed Unicode'],
    ['timezone with a lone surrogate', { timezone: `UTC${LONE}` }, 'timezone must be well-formed Unicode'],
  ])('POST /scheduler/schedule-preview rejects %s', async (_what, body, fragment) => {
    const res = await http().post('/scheduler/schedule-preview').send(body).expect(400);
    expect([res.body.message].flat().join('; ')).toContain(fragment);
  });

  it('answers 400 for a malformed job id and 404 for an unknown one', async () => {
    await http().get('/scheduler/jobs/not-a-uuid').expect(400);
    const res = await http().get('/scheduler/jobs/00000000-0000-4000-8000-000000000000').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await http().put('/scheduler/jobs/00000000-0000-4000-8000-000000000000').send({ name: 'x' }).expect(404);
    await http().post('/scheduler/jobs/00000000-0000-4000-8000-000000000000/run').expect(404);
  });

  it.each([
    ['/market-data/AA%20PL', 'symbol must be a Yahoo symbol'],
    ['/market-data/AA:PL/actions', 'symbol must be a Yahoo symbol'],
    ['/market-data/AAPL/actions?prefix=*', 'prefix must be'],
    ['/market-data/AAPL?interval=2d', 'interval must be one of'],
    ['/market-data/AAPL?from=yesterday', 'from must be'],
    ['/market-data/AAPL?from=2025-W01', 'from must be'],
    ['/market-data/AAPL?to=2025-W05-3', 'to must be'],
    ['/market-data/AAPL?from=20250101', 'from must be'],
    ['/market-data/AAPL?to=2025-001', 'to must be'],
    ['/market-data/AAPL?from=2025-01', 'from must be'],
    ['/market-data/AAPL?from=2025-02-30', 'from must be'],
    ['/market-data/AAPL?to=2025-01-01T25:00Z', 'to must be'],
    ['/market-data/AAPL?from=2025-01-01T10:00', 'from must be'],
    ['/market-data/AAPL?from=%ED%A0%80', 'from must be'],
    ['/market-data/%2E', 'symbol must be a Yahoo symbol'],
    ['/market-data/%2E%2E/actions', 'symbol must be a Yahoo symbol'],
    ['/market-data/.AAPL', 'symbol must be a Yahoo symbol'],
    [`/market-data/${encodeURIComponent('\u0131bm')}`, 'symbol must be a Yahoo symbol'],
    [`/market-data/${encodeURIComponent('\u017fpy')}/actions`, 'symbol must be a Yahoo symbol'],
    [`/market-data/${encodeURIComponent('\u00a0AAPL')}`, 'symbol must be a Yahoo symbol'],
    [`/market-data/${encodeURIComponent('AAPL\ufeff')}`, 'symbol must be a Yahoo symbol'],
    ['/market-data/AAPL?from=2025-02-01&to=2025-01-01', 'from must not be after to'],
    ['/market-data/AAPL?prefix=a:b', 'prefix must be'],
    ['/scheduler/jobs?active_only=maybe', 'active_only must be a boolean'],
    [`/scheduler/jobs/00000000-0000-4000-8000-000000000000/next-runs?count=0`, 'count must not be less than 1'],
  ])('GET %s is a 400', async (path, fragment) => {
    const res = await http().get(path).expect(400);
    expect([res.body.message].flat().join('; ')).toContain(fragment);
  });
});

import { Logger, type LoggerService } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestLog } from './request-log.middleware.js';

type Line = { level: string; message: string; fields: Record<string, unknown> };

describe('requestLog', () => {
  const lines: Line[] = [];
  const collect = (level: string) => (message: string, ...params: unknown[]) => {
    lines.push({ level, message, fields: params.find((param) => typeof param === 'object') as Record<string, unknown> });
  };
  const collector: LoggerService = { log: collect('log'), debug: collect('debug'), warn: collect('warn'), error: collect('error') };
  let server: Server;
  let url: string;

  beforeAll(async () => {
    Logger.overrideLogger(collector);
    server = createServer((req, res) => requestLog(req, res, () => res.writeHead(req.url?.startsWith('/missing') ? 404 : 200).end('ok')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    Logger.overrideLogger(false);
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => (lines.length = 0));

  const request = async (path: string, headers: Record<string, string> = {}) => {
    await (await fetch(`${url}${path}`, { headers })).text();
    await new Promise((resolve) => setImmediate(resolve));
  };

  it('logs one line per request with its fields, never the query string or headers', async () => {
    await request('/scheduler/jobs?api_key=secret', { 'X-API-Key': 'secret' });
    await request('/missing');
    expect(lines.map(({ level, message }) => [level, message.replace(/\d+ ms$/, 'N ms')])).toEqual([
      ['log', 'GET /scheduler/jobs 200 N ms'],
      ['log', 'GET /missing 404 N ms'],
    ]);
    expect(lines[0]!.fields).toEqual({ method: 'GET', path: '/scheduler/jobs', status: 200, duration_ms: expect.any(Number), client: '127.0.0.1' });
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('logs health probes at debug level only', async () => {
    await request('/health');
    expect(lines).toEqual([expect.objectContaining({ level: 'debug', message: expect.stringMatching(/^GET \/health 200 \d+ ms$/) })]);
  });
});

// Starts one throw-away redis-server for the whole test run, unless REDIS_URL names one.
// The Redis-backed suites are required: with neither, the run fails here with the reason.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPing(port, deadline) {
  while (Date.now() < deadline) {
    const ping = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
    if (ping.stdout?.trim() === 'PONG') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 10 s`);
}

export default async function globalSetup() {
  if (process.env.REDIS_URL) {
    process.env.TEST_REDIS_URL = process.env.REDIS_URL;
    return;
  }
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(
      'The test suite needs Redis: install redis-server (apt-get install -y redis-server) or set REDIS_URL.',
    );
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'scheduler-test-redis-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  globalThis.__TEST_REDIS__ = child;
  await waitForPing(port, Date.now() + 10_000);
  process.env.TEST_REDIS_URL = `redis://127.0.0.1:${port}`;
}

// A redis-server child process on a free loopback port: the test run's shared server, and the
// outage tests' own server that they stop and start again.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function hasRedisServer() {
  return !spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).error;
}

async function waitForPing(port, deadline) {
  while (Date.now() < deadline) {
    const ping = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
    if (ping.stdout?.trim() === 'PONG') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 10 s`);
}

/**
 * Starts redis-server; `persistent` keeps an append-only file in its own directory across restarts;
 * `args` are more options (`--replicaof …`); `sentinel` starts it as a sentinel from `config`, a
 * file it rewrites.
 */
export async function startRedis({ port, dir, persistent = false, args = [], sentinel = null } = {}) {
  const chosenPort = port ?? (await freePort());
  const chosenDir = dir ?? mkdtempSync(join(tmpdir(), 'scheduler-test-redis-'));
  const options = ['--port', String(chosenPort), '--bind', '127.0.0.1', '--dir', chosenDir];
  if (!sentinel) options.push('--save', '', '--appendonly', persistent ? 'yes' : 'no');
  const configFile = join(chosenDir, 'sentinel.conf');
  if (sentinel) writeFileSync(configFile, sentinel);
  const child = spawn('redis-server', [...(sentinel ? [configFile, '--sentinel'] : []), ...options, ...args], { stdio: 'ignore' });
  await waitForPing(chosenPort, Date.now() + 10_000);
  const stop = (signal = 'SIGTERM') =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return { port: chosenPort, dir: chosenDir, url: `redis://127.0.0.1:${chosenPort}`, stop };
}

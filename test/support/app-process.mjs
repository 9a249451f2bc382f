// The service compiled and run as a real process: for the process tests and the spec lint (scripts/).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from './redis-process.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_DIR = '.test-build';

/** Compiles the service once (what `nest build` emits) into .test-build/, for tests that run real processes. */
export function buildService() {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR], { cwd: ROOT, stdio: 'inherit' });
  // The dashboard's files, which nest-cli.json's assets copy in a `nest build`.
  cpSync(new URL('src/dashboard/public', `file://${ROOT}`), new URL(`${BUILD_DIR}/dashboard/public`, `file://${ROOT}`), { recursive: true });
}

/** Starts `node .test-build/main.js` (or `launch`) on a free port and waits until /health (or `launch.readyPath`) answers. */
export async function startService(env, launch) {
  const port = await freePort();
  const child = spawn(process.execPath, launch?.args ?? [`${BUILD_DIR}/main.js`], {
    cwd: launch?.cwd ?? ROOT,
    env: { ...(launch?.env ?? { ...process.env, LOG_LEVEL: 'warn' }), ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const readyPath = launch?.readyPath ?? '/health';
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}${readyPath}`).then((res) => res.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the service did not answer ${readyPath} within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    kill: (signal) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** Runs the built service to its exit (for start-ups that must fail), with what it printed on stderr. */
export function runService(env) {
  const child = spawn(process.execPath, [`${BUILD_DIR}/main.js`], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './redis-process.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_DIR = '.test-build';

/** Compiles the service once (what `nest build` emits) into .test-build/, for tests that run real processes. */
export function buildService(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR], { cwd: ROOT, stdio: 'inherit' });
}

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** Ends the process with `signal` and waits for it to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Where and how a process starts when it is not the compiled service of this checkout. */
export interface ProcessLaunch {
  cwd: string;
  /** Node's arguments, e.g. `['dist/main.js']`. */
  args: string[];
  /** The whole environment (nothing inherited but what is given), PORT added. */
  env: Record<string, string>;
  /** The route that answers 2xx once the process is ready; `/health` unless given. */
  readyPath?: string;
}

/** Starts `node .test-build/main.js` (or `launch`) on a free port and waits until /health (or `readyPath`) answers. */
export async function startService(env: Record<string, string>, launch?: ProcessLaunch): Promise<ServiceProcess> {
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

import type { ChildProcess } from 'node:child_process';

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** Ends the process with `signal` and waits for it to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}
/** Compiles the service once (what `nest build` emits) into .test-build/. */
export function buildService(): void;
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
/** Starts `node .test-build/main.js` (or `launch`) on a free port and waits until /health (or `launch.readyPath`) answers. */
export function startService(env: Record<string, string>, launch?: ProcessLaunch): Promise<ServiceProcess>;
/** Runs the built service to its exit (for start-ups that must fail), with what it printed on stderr. */
export function runService(env: Record<string, string>): Promise<{ code: number | null; stderr: string }>;

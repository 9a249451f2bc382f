import type { ChildProcess } from 'node:child_process';

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** Ends the process with `signal` and waits for it to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
}
/** Compiles the service once (what `nest build` emits) into .test-build/. */
export function buildService(): void;
/** Starts `node .test-build/main.js` on a free port and waits until /health answers. */
export function startService(env: Record<string, string>): Promise<ServiceProcess>;
/** Runs the built service to its exit (for start-ups that must fail), with what it printed on stderr. */
export function runService(env: Record<string, string>): Promise<{ code: number | null; stderr: string }>;

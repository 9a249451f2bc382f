import { fork } from 'node:child_process';
import type { Mode, Platform } from './api-server.js';

export interface ApiServer {
  url: string;
  /** CPU time (user + system) the server process has used so far, µs. */
  cpu(): Promise<number>;
  /** Lets the requests still in flight finish, then closes the app and waits for the process to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `api-server.ts` as a child process, so that the server has a core of its own and the load
 * generator the other. BENCH_CPU_PROF=<dir> runs it under `node --cpu-prof` and leaves the profile there.
 */
export async function startApiServer(platform: Platform, mode: Mode, env: Record<string, string>): Promise<ApiServer> {
  const profile = process.env.BENCH_CPU_PROF;
  const execArgv = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`, `--cpu-prof-name=${platform}-${mode}.cpuprofile`] : [];
  const child = fork(new URL('./api-server.js', import.meta.url), [platform, mode], { env: { ...process.env, ...env }, execArgv });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  /** The child's next message, after sending `request` if given. */
  const reply = <T>(request?: string) =>
    new Promise<T>((resolve, reject) => {
      const died = (code: number | null) => reject(new Error(`api-server ${platform} ${mode} exited with code ${code}`));
      child.once('exit', died).once('message', (message) => (child.off('exit', died), resolve(message as T)));
      if (request) child.send(request);
    });
  const { port } = await reply<{ port: number }>();
  return {
    url: `http://127.0.0.1:${port}`,
    cpu: () => reply<{ cpu: number }>('cpu').then(({ cpu }) => cpu),
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 500));
      child.send('stop');
      await exited;
    },
  };
}

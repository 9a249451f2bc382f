import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { delimiter } from 'node:path';

/** npm settings a fresh shell keeps (where the registry and the cache are); the rest of npm's lifecycle variables point at this checkout. */
const NPM_SETTINGS = ['npm_config_registry', 'npm_config_cache', 'npm_config_userconfig'];

/**
 * The environment of a fresh shell, as in a Docker build: PATH without this checkout's node_modules/.bin, HOME,
 * the npm registry and cache settings, and npm told to use its cache first (CI's budget is minutes, not a download per run).
 */
export function freshEnv(): Record<string, string> {
  const path = (process.env.PATH ?? '').split(delimiter).filter((dir) => !dir.includes('node_modules'));
  return {
    PATH: path.join(delimiter),
    HOME: process.env.HOME ?? tmpdir(),
    ...Object.fromEntries(NPM_SETTINGS.filter((key) => process.env[key]).map((key) => [key, process.env[key]!])),
    npm_config_prefer_offline: 'true',
    npm_config_update_notifier: 'false',
  };
}

/** Runs `command` with /bin/sh in `cwd` in a fresh environment; a failure throws with the end of its output. */
export function sh(command: string, cwd: string): void {
  const result = spawnSync('/bin/sh', ['-c', command], { cwd, env: freshEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`"${command}" in ${cwd} exited with ${result.status ?? result.signal}:\n${`${result.stdout}\n${result.stderr}`.trim().slice(-4000)}`);
  }
}

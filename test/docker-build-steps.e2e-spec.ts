import 'reflect-metadata';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAppConfig } from '../src/config/environment.js';
import { startService } from './support/app-process.mjs';
import { envPairs, ignoreLines, ignorePatterns, parseDockerfile, type Stage } from './support/dockerfile.js';
import { freshEnv, sh } from './support/scratch-shell.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const [build, runtime] = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));

/** `COPY a b ./dest/`: [sources, destination]. */
function copyArgs(text: string): [string[], string] {
  const parts = text.split(/\s+/);
  return [parts.slice(0, -1), parts.at(-1)!];
}

/** Where `source` lands under `dir` for a COPY to `destination` (a directory when it ends in `/`). */
function copyTarget(dir: string, source: string, destination: string): string {
  return destination.endsWith('/') ? join(dir, destination, basename(source)) : join(dir, destination);
}

/** Runs the build stage's COPY and RUN instructions in `dir`, the build context being this checkout. */
function runBuildStage(stage: Stage, dir: string): void {
  const ignored = ignorePatterns(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
  for (const { op, text } of stage.instructions) {
    if (op === 'WORKDIR') continue; // `dir` stands for it
    if (op === 'RUN') sh(text, dir);
    else if (op === 'COPY') {
      const [sources, destination] = copyArgs(text);
      for (const source of sources) {
        cpSync(join(ROOT, source), copyTarget(dir, source, destination), { recursive: true, filter: (from) => !ignored.some((re) => re.test(relative(ROOT, from))) });
      }
    } else throw new Error(`the check does not know what the build stage's ${op} does: teach it, or keep the stage to WORKDIR, COPY and RUN`);
  }
}

describe('the Dockerfile (no Docker engine here: its steps in a scratch copy)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'docker-steps-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('builds with npm ci, npm run build and npm prune --omit=dev, and the runtime stage answers /health', async () => {
    expect([build.name, runtime.name]).toEqual(['build', 'runtime']);
    expect(build.base).toBe(runtime.base);
    const buildDir = join(scratch, 'build');
    const runDir = join(scratch, 'runtime');
    mkdirSync(buildDir);
    mkdirSync(runDir);
    runBuildStage(build, buildDir);
    expect(existsSync(join(buildDir, 'node_modules/jest'))).toBe(false); // the prune left production dependencies only

    const buildWorkdir = build.instructions.find(({ op }) => op === 'WORKDIR')?.text ?? '/';
    let env: Record<string, string> = {};
    let cmd: string[] = [];
    for (const { op, flags, text } of runtime.instructions) {
      if (op === 'COPY') {
        expect(flags.from).toBe('build');
        const [[source], destination] = copyArgs(text);
        renameSync(join(buildDir, relative(buildWorkdir, source)), copyTarget(runDir, source, destination));
      } else if (op === 'ENV') env = { ...env, ...envPairs(text) };
      else if (op === 'CMD') cmd = JSON.parse(text);
    }
    expect(cmd[0]).toBe('node');
    const service = await startService({}, { cwd: runDir, args: cmd.slice(1), env: { ...freshEnv(), ...env } });
    try {
      const health = await fetch(`${service.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'healthy', store: 'memory' });
    } finally {
      await service.kill('SIGTERM');
    }
  }, 600_000);

  it('ignores every build and test output folder .gitignore names, so none reaches the build context', () => {
    const ignored = ignorePatterns(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
    const outputs = ignoreLines(readFileSync(join(ROOT, '.gitignore'), 'utf8')).map((pattern) => pattern.replace(/\*/g, 'any'));
    const uncovered = outputs.filter((path) => !ignored.some((re) => re.test(path)));
    expect(uncovered).toEqual([]);
  });

  it('gives the compose service longer to stop than its SHUTDOWN_GRACE_MS, so runs in progress are recorded before the kill', () => {
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    const service = compose.slice(compose.indexOf('\n  scheduler:'));
    const grace = /^\s+SHUTDOWN_GRACE_MS:\s*"?(\d+)"?\s*$/m.exec(service)?.[1];
    const graceMs = loadAppConfig(grace === undefined ? {} : { SHUTDOWN_GRACE_MS: grace }).shutdownGraceMs;
    const stop = /^\s+stop_grace_period:\s*(\d+)s\s*$/m.exec(service)?.[1];
    const stopMs = stop === undefined ? 10_000 : Number(stop) * 1000; // compose's default
    // the grace, then the interrupted runs recorded and Nest's shutdown: 5 s is plenty for those
    expect({ stopMs, graceMs, enough: stopMs >= graceMs + 5000 }).toEqual({ stopMs, graceMs, enough: true });
  });
});

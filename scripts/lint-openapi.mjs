// Lints the OpenAPI spec the service really serves: compiles it, starts it on the memory store,
// saves GET /docs-json and runs `redocly lint` on it with redocly.yaml. The lint command may be
// given as arguments (e.g. `npx --yes @redocly/cli@2.77.0`); by default the dev dependency's `redocly`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildService, startService } from '../test/support/app-process.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const [lint = 'redocly', ...lintArgs] = process.argv.slice(2);

buildService();
const service = await startService({ REDIS_URL: '', API_KEY: 'lint' });
try {
  const response = await fetch(`${service.url}/docs-json`);
  if (!response.ok) throw new Error(`GET /docs-json answered ${response.status}`);
  const specFile = join(mkdtempSync(join(tmpdir(), 'openapi-lint-')), 'openapi.json');
  // Indented, so the lint's locations are lines of their own.
  writeFileSync(specFile, JSON.stringify(await response.json(), null, 2));
  // Offline: no usage telemetry, no update check (both would contact hosts outside this machine).
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' };
  const result = spawnSync(lint, [...lintArgs, 'lint', '--config', join(ROOT, 'redocly.yaml'), specFile], { cwd: ROOT, stdio: 'inherit', env });
  if (result.error?.code === 'ENOENT') throw new Error(`${lint} not found: install the dev dependency @redocly/cli, or name the command, e.g. npx --yes @redocly/cli@2.77.0`);
  if (result.error) throw result.error;
  process.exitCode = result.status ?? 1;
} finally {
  await service.kill('SIGTERM');
}

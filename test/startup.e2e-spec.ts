import { createServer, type Server } from 'node:net';
import { buildService, runService } from './support/app-process.mjs';
import { freePort } from './support/redis-process.mjs';

/** A service that cannot start says why in its last line, names what to change, and exits non-zero. */
describe('start-up failures of the real process', () => {
  beforeAll(() => buildService(), 120_000);

  const expectOneLineFailure = async (env: Record<string, string>, lastLine: RegExp) => {
    const { code, stderr } = await runService(env);
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(lastLine);
    expect(stderr).not.toMatch(/^\s+at /m); // no stack trace
  };

  it('names REDIS_URL when Redis cannot be reached', async () => {
    const port = await freePort();
    await expectOneLineFailure({ REDIS_URL: `redis://:secret@127.0.0.1:${port}` }, new RegExp(`^Cannot start: Cannot connect to Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}/0: .*Check REDIS_URL`));
  }, 20_000);

  it('names PORT when the port is taken', async () => {
    const taken: Server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => taken.listen(port, '0.0.0.0', resolve));
    try {
      await expectOneLineFailure({ PORT: String(port) }, new RegExp(`^Cannot start: port ${port} is already in use\\. Set PORT to a free port\\.$`));
    } finally {
      taken.close();
    }
  }, 20_000);

  it('names every bad variable of the environment on one line', async () => {
    await expectOneLineFailure({ PORT: '99999', LOG_LEVEL: 'loud' }, /^Cannot start: Invalid environment: PORT must not be greater than 65535; LOG_LEVEL must be one of/);
  }, 20_000);
});

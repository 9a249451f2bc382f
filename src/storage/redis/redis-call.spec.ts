import type { Redis } from 'ioredis';
import { StoreCommandError, StoreUnavailableError } from '../store-errors.js';
import { connectRedis, createRedisClient } from './create-redis-client.js';
import { redisCall, redisTransaction } from './redis-call.js';

const url = process.env.TEST_REDIS_URL;
if (!url) throw new Error('TEST_REDIS_URL is unset: run through jest, whose global setup starts Redis');

/** A script error as Redis reports it, raised by a real script so the reply is the real thing. */
const SCRIPT_ERROR = "return cjson.decode('\"\\\\ud800\"')";
const OOM = `return redis.error_reply("OOM command not allowed when used memory > 'maxmemory'.")`;

describe('redisCall: what a failed Redis interaction becomes', () => {
  let client: Redis;

  beforeAll(async () => {
    client = createRedisClient(url, `test:redis-call:${process.pid}:`);
    await connectRedis(client);
  });
  afterAll(async () => {
    await client.quit();
  });

  it('turns a script error into a StoreCommandError, not an outage', async () => {
    const error = await redisCall(() => client.eval(SCRIPT_ERROR, 0)).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StoreCommandError);
    expect(error).not.toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toContain('invalid unicode escape');
  });

  it('turns an error reply inside a MULTI into a StoreCommandError', async () => {
    await expect(redisTransaction(client.multi().set('k', 'v').eval(SCRIPT_ERROR, 0))).rejects.toThrow(StoreCommandError);
  });

  it('keeps an out-of-memory refusal a StoreUnavailableError that says so', async () => {
    const error = await redisCall(() => client.eval(OOM, 0)).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/^Redis is out of memory/);
  });

  it('keeps a connection failure a StoreUnavailableError', async () => {
    const error = await redisCall(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1'))).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toBe('Redis is unreachable: connect ECONNREFUSED 127.0.0.1:1');
  });
});

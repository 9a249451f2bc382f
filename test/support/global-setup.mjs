// Starts one throw-away redis-server for the whole test run, unless REDIS_URL names one.
// The Redis-backed suites are required: with neither, the run fails here with the reason.
import { hasRedisServer, startRedis } from './redis-process.mjs';

export default async function globalSetup() {
  if (process.env.REDIS_URL) {
    process.env.TEST_REDIS_URL = process.env.REDIS_URL;
    return;
  }
  if (!hasRedisServer()) {
    throw new Error('The test suite needs Redis: install redis-server (apt-get install -y redis-server) or set REDIS_URL.');
  }
  const redis = await startRedis();
  globalThis.__TEST_REDIS__ = redis;
  process.env.TEST_REDIS_URL = redis.url;
}

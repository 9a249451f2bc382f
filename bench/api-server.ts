// The server side of api-throughput.bench.ts, run as its own process so that it has a core of its
// own: `node api-server.js <express|fastify> <app|bare>`, with REDIS_URL, KEY_PREFIX and
// YAHOO_BASE_URL in the environment. Over IPC it reports its port, answers 'cpu' with the CPU time it
// has used (µs), and closes on 'stop' (a normal exit, so that `node --cpu-prof` writes its profile).
import 'reflect-metadata';
import { Controller, Get, Inject, type INestApplication, Module, NotFoundException, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { AppModule } from '../src/app.module.js';
import { loadAppConfig } from '../src/config/environment.js';
import { configureApp, httpAdapter } from '../src/configure-app.js';
import { keys } from '../src/storage/keys.js';
import { connectRedis, createRedisClient } from '../src/storage/redis/create-redis-client.js';

export type Platform = 'express' | 'fastify';
export type Mode = 'app' | 'bare';

const REDIS = Symbol('redis');

/**
 * The ceiling: the least a Nest route can do to answer GET /scheduler/jobs/{id}: one GET of the job's
 * key through a client made like the app's (same options, auto-pipelining), the JSON parsed and sent back.
 */
@Controller('bare')
class BareController {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  @Get(':id')
  async get(@Param('id') id: string): Promise<unknown> {
    const raw = await this.redis.get(keys.job(id));
    if (raw === null) throw new NotFoundException();
    return JSON.parse(raw);
  }
}

@Module({
  controllers: [BareController],
  providers: [
    {
      provide: REDIS,
      useFactory: async () => {
        const client = createRedisClient(process.env.REDIS_URL!, process.env.KEY_PREFIX ?? '');
        await connectRedis(client);
        return client;
      },
    },
  ],
})
class BareModule {}

async function create(platform: Platform, mode: Mode): Promise<INestApplication> {
  const logger = ['fatal' as const, 'error' as const];
  // The real app as main.ts builds it (rate limit off, quiet log); Express only for the comparison.
  const config = loadAppConfig({ ...process.env, API_RATE_LIMIT: '0', LOG_LEVEL: 'error' });
  const module = mode === 'app' ? AppModule.register(config) : BareModule;
  const app =
    platform === 'fastify'
      ? await NestFactory.create(module, httpAdapter(), { logger })
      : await NestFactory.create(module, { logger });
  return mode === 'app' ? configureApp(app, config) : app;
}

const [platform, mode] = process.argv.slice(2) as [Platform, Mode];
const app = await create(platform, mode);
await app.listen(0, '127.0.0.1');
process.send!({ port: (app.getHttpServer().address() as { port: number }).port });
process.on('message', (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send!({ cpu: user + system });
  }
  if (message === 'stop') void app.close().then(() => process.exit(0));
});

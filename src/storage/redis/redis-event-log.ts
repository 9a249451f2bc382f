import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { SchedulerEvent, SchedulerEventType } from '../../scheduler/events/scheduler-event.js';
import { EVENT_LOG_LENGTH, isAfter, type EventLog, type EventsSince } from '../event-log.js';
import { keys } from '../keys.js';
import { redisCall } from './redis-call.js';

type Entry = [id: string, fields: string[]];

/** How long one XREAD waits for new events before it asks again (and notices a shutdown). */
const BLOCK_MS = 2000;

function decode([id, fields]: Entry): SchedulerEvent | null {
  try {
    const { type, data } = JSON.parse(fields[1] ?? '') as { type: SchedulerEventType; data: object };
    return { id, type, data };
  } catch {
    return null; // not written by us; nothing a client could use
  }
}

/**
 * {@link EventLog} on a Redis stream: XADD (trimmed to about {@link EVENT_LOG_LENGTH}) gives every
 * event an id ordered across replicas, so a client resumes from any replica; one blocking XREAD
 * connection per process reads what every replica appends.
 */
export class RedisEventLog implements EventLog, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RedisEventLog.name);
  private readonly handlers = new Set<(event: SchedulerEvent) => void>();
  private reader: Redis | null = null;
  private wake: (() => void) | null = null;
  private closed = false;

  constructor(private readonly client: Redis) {}

  async append(type: SchedulerEventType, data: object): Promise<void> {
    await redisCall(() => this.client.xadd(keys.events, 'MAXLEN', '~', EVENT_LOG_LENGTH, '*', 'e', JSON.stringify({ type, data })));
  }

  async since(id: string): Promise<EventsSince> {
    const [oldest, after] = await redisCall(() =>
      Promise.all([this.client.xrange(keys.events, '-', '+', 'COUNT', 1), this.client.xrange(keys.events, `(${id}`, '+', 'COUNT', EVENT_LOG_LENGTH)]),
    );
    const oldestId = (oldest as Entry[])[0]?.[0];
    const events = (after as Entry[]).map(decode).filter((event) => event !== null);
    return { events, complete: oldestId === undefined || !isAfter(oldestId, id) };
  }

  subscribe(handler: (event: SchedulerEvent) => void): () => void {
    this.handlers.add(handler);
    this.wake?.();
    return () => this.handlers.delete(handler);
  }

  /** Starts the reader at the newest event, so a client connected as soon as the app listens misses none. */
  async onModuleInit(): Promise<void> {
    // A blocking read holds its connection, so it gets its own, without the shared client's command timeout.
    this.reader = this.client.duplicate({ commandTimeout: undefined, enableOfflineQueue: true, maxRetriesPerRequest: null, enableAutoPipelining: false });
    this.reader.on('error', () => undefined);
    void this.read(await this.newestId().catch(() => '$'));
  }

  private async newestId(): Promise<string> {
    const [newest] = (await this.reader!.xrevrange(keys.events, '+', '-', 'COUNT', 1)) as Entry[];
    return newest?.[0] ?? '0-0';
  }

  private async read(from: string): Promise<void> {
    let last = from;
    while (!this.closed) {
      try {
        if (this.handlers.size === 0) {
          // Nobody listens here: the events are not read, only the newest id is followed, so that a first
          // listener is given everything from at most BLOCK_MS before it came.
          await new Promise<void>((resolve) => ((this.wake = resolve), setTimeout(resolve, BLOCK_MS).unref()));
          this.wake = null;
          if (this.handlers.size === 0 && !this.closed) last = await this.newestId();
          continue;
        }
        const reply = (await this.reader!.xread('COUNT', 1000, 'BLOCK', BLOCK_MS, 'STREAMS', keys.events, last)) as [string, Entry[]][] | null;
        for (const entry of reply?.[0]?.[1] ?? []) {
          last = entry[0];
          const event = decode(entry);
          if (event) for (const handler of this.handlers) handler(event);
        }
      } catch (error) {
        if (this.closed) break;
        this.logger.warn(`reading scheduler events failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.wake?.();
    this.reader?.disconnect();
    this.reader = null;
  }
}

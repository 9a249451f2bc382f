import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type MessageEvent } from '@nestjs/common';
import { Observable, type Subscriber } from 'rxjs';
import { EVENT_LOG, isAfter, type EventLog, type EventsSince } from '../../storage/event-log.js';
import type { SchedulerEvent, SchedulerEventType } from './scheduler-event.js';

export type LocalListener = (type: SchedulerEventType, detail: object) => void | Promise<void>;

/** A comment-free keep-alive, so proxies do not close a quiet stream. */
const PING_INTERVAL_MS = 25_000;

/**
 * Emits the scheduler's events into the shared {@link EventLog} and streams them to clients. An
 * event is best effort: a store that refuses it never fails the run or the change it is about.
 */
@Injectable()
export class SchedulerEvents implements BeforeApplicationShutdown {
  private readonly logger = new Logger(SchedulerEvents.name);
  private readonly open = new Set<Subscriber<MessageEvent>>();
  private readonly local = new Set<LocalListener>();

  constructor(@Inject(EVENT_LOG) private readonly log: EventLog) {}

  /**
   * Appends `data` to the shared log, and hands `detail` (what happened, whole) to the listeners of
   * this process: they hear each event once, from the replica where it happened. A listener runs
   * after the caller's step, and its failure is logged: it never fails the run or change emitting.
   */
  emit(type: SchedulerEventType, data: object, detail: object = data): void {
    this.log.append(type, data).catch((error: unknown) => this.logger.debug(`event ${type} not stored: ${error instanceof Error ? error.message : String(error)}`));
    for (const listener of this.local) {
      Promise.resolve()
        .then(() => listener(type, detail))
        .catch((error: unknown) => this.logger.warn(`a listener of ${type} failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  /** Calls `listener` for every event emitted in this process (not those of other replicas). */
  onLocal(listener: LocalListener): () => void {
    this.local.add(listener);
    return () => this.local.delete(listener);
  }

  /**
   * Every event from now on; after `lastEventId` first the ones since it (a `resync` event first
   * when some of those are no longer kept, so the client reloads what it shows).
   */
  stream(lastEventId: string | null): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      this.open.add(subscriber);
      let lastSent = lastEventId;
      let replay: SchedulerEvent[] | null = lastEventId ? [] : null;
      const send = (event: SchedulerEvent) => {
        if (lastSent && !isAfter(event.id, lastSent)) return;
        lastSent = event.id;
        subscriber.next({ id: event.id, type: event.type, data: event.data });
      };
      const unsubscribe = this.log.subscribe((event) => (replay ? replay.push(event) : send(event)));
      const ping = setInterval(() => subscriber.next({ type: 'ping', data: {} }), PING_INTERVAL_MS);
      const resume = ({ events, complete }: EventsSince, reason: string) => {
        if (!complete) subscriber.next({ type: 'resync', data: { reason } });
        const live = replay ?? [];
        replay = null;
        [...events, ...live].forEach(send);
      };
      if (lastEventId) {
        this.log.since(lastEventId).then(
          (since) => resume(since, `events after ${lastEventId} are no longer all kept`),
          () => resume({ events: [], complete: false }, 'the store could not replay the missed events'),
        );
      }
      return () => {
        this.open.delete(subscriber);
        unsubscribe();
        clearInterval(ping);
      };
    });
  }

  /** Ends every stream, so that the HTTP server can close: a client reconnects (with Last-Event-ID) to another replica. */
  beforeApplicationShutdown(): void {
    for (const subscriber of this.open) subscriber.complete();
  }
}

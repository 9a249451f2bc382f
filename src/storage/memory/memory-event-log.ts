import type { SchedulerEvent, SchedulerEventType } from '../../scheduler/events/scheduler-event.js';
import { EVENT_LOG_LENGTH, isAfter, type EventLog, type EventsSince } from '../event-log.js';

/** The single-process {@link EventLog}: the last {@link EVENT_LOG_LENGTH} events, ids as a Redis stream's. */
export class MemoryEventLog implements EventLog {
  private readonly events: SchedulerEvent[] = [];
  private readonly handlers = new Set<(event: SchedulerEvent) => void>();
  private lastMs = 0;
  private seq = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async append(type: SchedulerEventType, data: object): Promise<void> {
    const ms = Math.max(this.now(), this.lastMs);
    this.seq = ms === this.lastMs ? this.seq + 1 : 0;
    this.lastMs = ms;
    const event: SchedulerEvent = { id: `${ms}-${this.seq}`, type, data: structuredClone(data) };
    this.events.push(event);
    if (this.events.length > EVENT_LOG_LENGTH) this.events.shift();
    for (const handler of this.handlers) handler(event);
  }

  async since(id: string): Promise<EventsSince> {
    const events = this.events.filter((event) => isAfter(event.id, id));
    const oldest = this.events[0];
    return { events, complete: oldest === undefined || !isAfter(oldest.id, id) };
  }

  subscribe(handler: (event: SchedulerEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
}

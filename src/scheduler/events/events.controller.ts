import { BadRequestException, Controller, Headers, type MessageEvent, Sse } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { ApiCommonErrors } from '../api-errors.decorator.js';
import { SCHEDULER_EVENT_TYPES } from './scheduler-event.js';
import { SchedulerEvents } from './scheduler-events.js';

const EVENT_ID = /^\d{1,15}-\d{1,15}$/;

@ApiTags('scheduler')
@ApiCommonErrors()
@Controller('scheduler')
export class EventsController {
  constructor(private readonly events: SchedulerEvents) {}

  @Sse('events')
  @ApiOperation({
    summary: 'Live scheduler events (Server-Sent Events)',
    description:
      `Events of every replica, in one order: ${SCHEDULER_EVENT_TYPES.join(', ')}. Each has an id; a client that reconnects with ` +
      '`Last-Event-ID` first gets the events it missed (a `resync` event first when some are no longer kept). `ping` every 25 s keeps the stream open.',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The id of the last event received: resume after it.', example: '1764806400000-0' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'A stream of `id:`, `event:` and `data:` lines; data is JSON: for run.* the run record less its per-symbol lists (with fetched_count and failed_count), for job.changed `{job_id, action, job}`.',
    schema: { type: 'string', example: 'id: 1764806400000-0\nevent: run.started\ndata: {"run_id":"…","job_id":"…","status":"running","progress":{"done":0,"total":3}}\n\n' },
  })
  stream(@Headers('last-event-id') lastEventId?: string): Observable<MessageEvent> {
    if (lastEventId !== undefined && !EVENT_ID.test(lastEventId)) throw new BadRequestException('Last-Event-ID must be an event id such as 1764806400000-0');
    return this.events.stream(lastEventId ?? null);
  }
}

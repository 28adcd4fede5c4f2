import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { interval, map, merge, type Observable } from 'rxjs';
import { SyncEventsService } from './sync-events.service';

const HEARTBEAT_MS = 15_000;

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(private readonly events: SyncEventsService) {}

  /** Server-sent events: `event:` is the type, `data:` the JSON event. A `ping` every 15 s keeps proxies from closing it. */
  @Sse()
  stream(): Observable<MessageEvent> {
    return merge(
      this.events.stream().pipe(map((event) => ({ type: event.type, data: event }))),
      interval(HEARTBEAT_MS).pipe(map(() => ({ type: 'ping', data: {} }))),
    );
  }
}

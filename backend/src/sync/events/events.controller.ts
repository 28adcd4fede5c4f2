import { Controller, Req, Sse, type MessageEvent } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { interval, map, merge, takeUntil, type Observable } from 'rxjs';
import { AuthService } from '../../auth/auth.service';
import type { AuthenticatedRequest } from '../../common/session-user';
import { SyncEventsService } from './sync-events.service';

const HEARTBEAT_MS = 15_000;

@ApiTags('events')
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: SyncEventsService,
    private readonly auth: AuthService,
  ) {}

  /**
   * Server-sent events: `event:` is the type, `data:` the JSON event. A `ping` every 15 s keeps proxies from closing
   * it. The stream ends with its session (sign-out, sign out everywhere, deactivation, the idle or absolute end).
   */
  @Sse()
  stream(@Req() request: AuthenticatedRequest): Observable<MessageEvent> {
    return merge(
      this.events.everyReplica().pipe(map((event) => ({ type: event.type, data: event }))),
      interval(HEARTBEAT_MS).pipe(map(() => ({ type: 'ping', data: {} }))),
    ).pipe(takeUntil(this.auth.sessionEnd(request, HEARTBEAT_MS)));
  }
}

import { Injectable } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { ServerEvent } from '@hamgam/shared';

/** The in-process bus behind `GET /api/events`. */
@Injectable()
export class SyncEventsService {
  private readonly events = new Subject<ServerEvent>();

  emit(event: ServerEvent): void {
    this.events.next(event);
  }

  stream(): Observable<ServerEvent> {
    return this.events.asObservable();
  }
}

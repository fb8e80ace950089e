import { Injectable } from '@nestjs/common';

/** Whether the process is shutting down: readiness then answers 503 and responses close. */
@Injectable()
export class Lifecycle {
  stopping = false;
}

import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ensurePartitionsAhead, PARTITION_MONTHS_AHEAD } from './complaint-partitions.js';

/** Every six hours: a month's partition exists long before its first complaint arrives. */
const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

/** Keeps the partitions of the current month and the next ones created ahead of need. */
@Injectable()
export class ComplaintPartitionsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ComplaintPartitions');
  private timer: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Never throws: a failed check is logged and retried at the next one. */
  async check(): Promise<void> {
    try {
      const created = await ensurePartitionsAhead(this.db);
      if (created) {
        this.logger.log(
          `created ${created} monthly complaint partition(s) up to ${PARTITION_MONTHS_AHEAD} months ahead`,
        );
      }
    } catch (e) {
      this.logger.error(`could not create the coming months' partitions: ${(e as Error).message}`);
    }
  }
}

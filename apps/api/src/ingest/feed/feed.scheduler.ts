// Runs the configured JSON feed on a schedule (FEED_URL, FEED_INTERVAL_SECONDS), one poll
// at a time; stops with the application.
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ENV } from '../../app.tokens.js';
import type { Env } from '../../config/env.js';
import { ImportService } from '../import.service.js';
import { FeedConnector } from './feed-connector.js';

@Injectable()
export class FeedScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Feed');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  readonly connector: FeedConnector | null;
  private readonly intervalMs: number;

  constructor(@Inject(ENV) env: Env, @InjectDataSource() db: DataSource, imports: ImportService) {
    this.connector = env.FEED_URL
      ? new FeedConnector(db, imports, {
          name: new URL(env.FEED_URL).host,
          url: env.FEED_URL,
          source: env.FEED_SOURCE,
          token: env.FEED_TOKEN,
          pageSize: env.FEED_PAGE_SIZE,
          timeoutMs: env.FEED_TIMEOUT_SECONDS * 1000,
          maxAttempts: 5,
          backoffMs: 1000,
        })
      : null;
    this.intervalMs = env.FEED_INTERVAL_SECONDS * 1000;
  }

  onApplicationBootstrap(): void {
    if (!this.connector) return;
    this.tick();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private tick(): void {
    if (!this.connector || this.running) return;
    this.running = this.connector
      .poll()
      .then((r) => {
        if (r.error) this.logger.warn(`feed poll stopped: ${r.error}`);
        else if (r.rows)
          this.logger.log(
            `feed: ${r.pages} pages, ${r.inserted} new, ${r.updated} updated, ${r.rejected} rejected`,
          );
      })
      .catch((e: unknown) => this.logger.error(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        this.running = null;
      });
  }
}

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { startApi } from './bootstrap.js';
import { ConfigError, loadEnv } from './config/env.js';
import { JsonLogger, levelsFrom } from './observability/json-logger.js';

async function main(): Promise<void> {
  const env = loadEnv();
  // JSON lines from the first message on (observability/json-logger.ts).
  const json = new JsonLogger(levelsFrom(env.LOG_LEVEL));
  Logger.overrideLogger(json);
  const logger = new Logger('Main');
  const api = await startApi(env);
  json.announce('Main', `Dashboard and GraphQL API at ${api.url} (GraphQL: ${api.url}/graphql)`);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) {
      // A second signal: stop now.
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    closing = true;
    json.announce(
      'Main',
      `${signal}: shutting down (up to ${env.SHUTDOWN_GRACE_SECONDS} s for running requests and imports)`,
    );
    api.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) {
    // One line per problem, no stack trace: these are the operator's to fix.
    for (const line of e.problems) console.error(`configuration error: ${line}`);
  } else {
    console.error(e);
  }
  process.exit(1);
});

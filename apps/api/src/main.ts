import 'reflect-metadata';
import { startApi } from './bootstrap.js';
import { ConfigError, loadEnv } from './config/env.js';

async function main(): Promise<void> {
  const env = loadEnv();
  const api = await startApi(env);
  console.log(`Dashboard and GraphQL API at ${api.url} (GraphQL: ${api.url}/graphql)`);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    api.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
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

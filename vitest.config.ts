// One test runner for the whole repo. Each Nx project's `test` target runs its own
// project from this list (`vitest run --project NAME`).
import { defineConfig } from 'vitest/config';
import swc from 'unplugin-swc';
import { fileURLToPath } from 'node:url';

// Nest needs decorator metadata, which esbuild/oxc do not emit: compile TS with SWC.
const swcPlugin = () =>
  swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
  });

const resolve = { conditions: ['source', 'module', 'node', 'import', 'default'] };
// graphql 16 ships CommonJS (main) and ESM (module) copies; Nest loads the CommonJS one, so
// the API's own imports must too, or `instanceof GraphQLScalarType` fails across copies.
const apiResolve = {
  ...resolve,
  alias: [
    { find: /^graphql$/, replacement: 'graphql/index.js' },
    // Server-side tests would otherwise load the workspace library from its built dist/.
    {
      find: /^@cw\/domain$/,
      replacement: fileURLToPath(new URL('./libs/domain/src/index.ts', import.meta.url)),
    },
    {
      find: /^@cw\/text$/,
      replacement: fileURLToPath(new URL('./libs/text/src/index.ts', import.meta.url)),
    },
  ],
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: { name: 'domain', include: ['libs/domain/src/**/*.spec.ts'], env: { TZ: 'UTC' } },
      },
      {
        resolve,
        test: { name: 'text', include: ['libs/text/src/**/*.spec.ts'], env: { TZ: 'UTC' } },
      },
      {
        resolve,
        test: {
          name: 'charts',
          include: ['libs/charts/src/**/*.spec.{ts,tsx}'],
          env: { TZ: 'UTC' },
        },
      },
      {
        resolve: apiResolve,
        plugins: [swcPlugin()],
        test: { name: 'api', include: ['apps/api/src/**/*.spec.ts'], env: { TZ: 'UTC' } },
      },
      {
        resolve: apiResolve,
        plugins: [swcPlugin()],
        test: {
          name: 'api-int',
          include: ['apps/api/test/**/*.int-spec.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each file gets its own database; two files at once is all two cores take.
          maxWorkers: 2,
          // Runs after the unit tests, which may use every worker.
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve,
        // Rules of docker/api.Dockerfile and docker/compose.yml (Docker cannot run in CI).
        test: { name: 'docker', include: ['docker/**/*.spec.ts'] },
      },
      {
        resolve,
        test: {
          name: 'dashboard',
          include: ['apps/dashboard/src/**/*.spec.{ts,tsx}'],
          env: { TZ: 'UTC' },
        },
      },
      {
        resolve,
        // Pure parts of the load tests (tests/load), e.g. the soak's memory rule.
        test: { name: 'load', include: ['tests/load/**/*.spec.ts'], env: { TZ: 'UTC' } },
      },
      {
        resolve,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  composeProblems,
  dockerfileProblems,
  parseDockerfile,
  workspaceManifests,
} from './docker-files.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const read = (name: string) => readFileSync(path.join(here, name), 'utf8');

describe('docker/api.Dockerfile', () => {
  it('keeps the rules', () => {
    expect(dockerfileProblems(read('api.Dockerfile'), workspaceManifests(root))).toEqual([]);
  });

  it('would be refused if it ran as root, in one stage, without a health check', () => {
    const bad = `FROM node:20\nCOPY . .\nRUN npm ci\nCMD node apps/api/dist/main.js\n`;
    expect(dockerfileProblems(bad, ['apps/api/package.json'])).toEqual([
      'not multi-stage: build in one stage, run from another',
      'the final stage sets no USER (it would run as root)',
      'CMD is in shell form: SIGTERM would not reach node',
      'no HEALTHCHECK in the final stage',
      'the final stage copies the whole source tree',
      'the final stage does not install production dependencies only',
      'the final stage does not set NODE_ENV=production',
    ]);
    const rootUser = read('api.Dockerfile').replace('USER node', 'USER root');
    expect(dockerfileProblems(rootUser, [])).toEqual(['the final stage runs as root']);
    const missing = read('api.Dockerfile').replace(/^COPY libs\/text\/package\.json.*$/gm, '');
    expect(dockerfileProblems(missing, workspaceManifests(root))).toContain(
      'a stage runs npm ci without libs/text/package.json (libs/text)',
    );
  });

  it('joins continuation lines and skips comments', () => {
    expect(parseDockerfile('# c\nRUN a \\\n  # inside\n  b\nUSER node\n')).toEqual([
      { keyword: 'RUN', args: 'a b', line: 2 },
      { keyword: 'USER', args: 'node', line: 5 },
    ]);
  });
});

describe('docker/compose.yml', () => {
  it('keeps the rules', () => {
    expect(composeProblems(read('compose.yml'), here)).toEqual([]);
  });

  it('would be refused with a published database port, a missing health check or a weak grace period', () => {
    const text = read('compose.yml')
      .replace(
        '    image: postgres:15-bookworm\n    environment:',
        "    image: postgres:15-bookworm\n    ports:\n      - '5432:5432'\n    environment:",
      )
      .replace(/stop_grace_period: 45s/, 'stop_grace_period: 10s');
    const noHealth = text.replace(
      /\n {2}db-replica:[\s\S]*?\n {4}healthcheck:[\s\S]*?start_period: 120s\n/,
      (m) => m.replace(/\n {4}healthcheck:[\s\S]*?start_period: 120s\n/, '\n'),
    );
    expect(composeProblems(noHealth, here)).toEqual([
      'db-replica: no healthcheck',
      'db: a database publishes a port',
      'api: stop_grace_period is not longer than SHUTDOWN_GRACE_SECONDS (30 s)',
    ]);
  });
});

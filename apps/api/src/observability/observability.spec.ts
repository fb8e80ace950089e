import { describe, expect, it } from 'vitest';
import { metricsAccess } from './http-observability.js';
import { JsonLogger, levelsFrom } from './json-logger.js';
import { isWellFormedRequestId, requestContext } from './request-context.js';

describe('metricsAccess', () => {
  it('serves loopback only when no token is set, judged by the socket address', () => {
    expect(metricsAccess('127.0.0.1', undefined, undefined)).toBe('ok');
    expect(metricsAccess('::1', undefined, undefined)).toBe('ok');
    expect(metricsAccess('::ffff:127.0.0.1', undefined, undefined)).toBe('ok');
    expect(metricsAccess('10.0.0.7', undefined, undefined)).toBe('forbidden');
    expect(metricsAccess('::ffff:192.168.1.2', undefined, undefined)).toBe('forbidden');
    expect(metricsAccess(undefined, undefined, undefined)).toBe('forbidden');
  });

  it('wants the bearer token from everyone, loopback included, when one is set', () => {
    const token = 'a-metrics-token-of-some-length';
    expect(metricsAccess('10.0.0.7', `Bearer ${token}`, token)).toBe('ok');
    expect(metricsAccess('127.0.0.1', undefined, token)).toBe('unauthorized');
    expect(metricsAccess('127.0.0.1', `Bearer ${token}x`, token)).toBe('unauthorized');
    expect(metricsAccess('127.0.0.1', token, token)).toBe('unauthorized');
  });
});

describe('request ids', () => {
  it('accepts short printable ids only', () => {
    expect(isWellFormedRequestId('4bd75f5d-cbec-4755-b6e6-9266cc3c491a')).toBe(true);
    expect(isWellFormedRequestId('trace.1:a_b')).toBe(true);
    expect(isWellFormedRequestId('has space')).toBe(false);
    expect(isWellFormedRequestId('x'.repeat(129))).toBe(false);
    expect(isWellFormedRequestId('"quoted"')).toBe(false);
    expect(isWellFormedRequestId(['a', 'b'])).toBe(false);
  });
});

describe('JsonLogger', () => {
  const capture = (levels = levelsFrom('log')) => {
    const lines: string[] = [];
    return { lines, logger: new JsonLogger(levels, (line) => lines.push(line)) };
  };

  it('writes one JSON object a line with level, context and the request id', () => {
    const { lines, logger } = capture();
    requestContext.run({ requestId: 'req-1' }, () => logger.log('hello', 'Ctx'));
    logger.warn('outside');
    logger.debug('not at this level');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { time: expect.any(String), level: 'info', context: 'Ctx', requestId: 'req-1', msg: 'hello' },
      { time: expect.any(String), level: 'warn', msg: 'outside' },
    ]);
  });

  it('announces start and stop whatever the level', () => {
    const { lines, logger } = capture(levelsFrom('error'));
    logger.log('hidden');
    logger.announce('Main', 'listening');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { time: expect.any(String), level: 'info', context: 'Main', msg: 'listening' },
    ]);
  });

  it('masks phone numbers and e-mail addresses that reach a message', () => {
    const { lines, logger } = capture();
    logger.error('duplicate key: (13812345678, someone@example.org)', 'stack here', 'DB');
    const [entry] = lines.map((l) => JSON.parse(l) as Record<string, string>);
    expect(entry!['context']).toBe('DB');
    expect(entry!['stack']).toBe('stack here');
    expect(JSON.stringify(entry)).not.toMatch(/13812345678|someone@example\.org/);
  });
});

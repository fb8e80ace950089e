// Logs as one JSON object a line, for log shippers: errors on stderr, the rest on stdout,
// as Nest's console logger does. Every line inside a request carries its request id.
// Messages pass through the same redaction as complaint narratives, so a phone number, ID
// or e-mail that reaches a message (a database error quoting a value, say) is masked.
import type { LoggerService, LogLevel } from '@nestjs/common';
import { redactNarrative } from '@cw/text';
import { requestContext } from './request-context.js';

const LEVEL_NAMES: Record<LogLevel, string> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export class JsonLogger implements LoggerService {
  constructor(
    private levels: LogLevel[],
    private readonly write: (line: string, level: LogLevel) => void = defaultWrite,
  ) {}

  setLogLevels(levels: LogLevel[]): void {
    this.levels = levels;
  }

  isEnabled(level: LogLevel): boolean {
    return this.levels.includes(level);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('fatal', message, rest);
  }

  /** A structured line (request logs): fields are written as given, after `msg`. */
  event(level: LogLevel, context: string, msg: string, fields: LogFields): void {
    if (!this.isEnabled(level)) return;
    this.write(this.line(level, context, msg, fields), level);
  }

  /** An info line written whatever LOG_LEVEL says: where the API listens, that it stops. */
  announce(context: string, msg: string): void {
    this.write(this.line('log', context, msg, {}), 'log');
  }

  private emit(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.isEnabled(level)) return;
    // Nest passes (message, context) or, for errors, (message, stack, context).
    const context = typeof rest[rest.length - 1] === 'string' ? String(rest.pop()) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
    const text =
      message instanceof Error
        ? (message.stack ?? message.message)
        : typeof message === 'string'
          ? message
          : JSON.stringify(message);
    this.write(this.line(level, context, text, { stack }), level);
  }

  private line(level: LogLevel, context: string | undefined, msg: string, fields: LogFields) {
    const requestId = requestContext.getStore()?.requestId;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level: LEVEL_NAMES[level],
      ...(context ? { context } : {}),
      ...(requestId ? { requestId } : {}),
      msg: redactNarrative(msg),
    };
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) continue;
      entry[k] = typeof v === 'string' ? redactNarrative(v) : v;
    }
    return JSON.stringify(entry);
  }
}

function defaultWrite(line: string, level: LogLevel): void {
  (level === 'error' || level === 'fatal' ? process.stderr : process.stdout).write(line + '\n');
}

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The levels at and above LOG_LEVEL. */
export function levelsFrom(level: 'error' | 'warn' | 'log' | 'debug'): LogLevel[] {
  return ORDER.slice(0, ORDER.indexOf(level) + 1);
}

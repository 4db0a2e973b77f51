import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LogEvent } from './api/contract.ts';

/** The JSON-lines log of DOMAIN.md ("Log events"): every event carries level, message, fields and `time`. */

export type { LogEvent };
export type LogLevel = LogEvent['level'];
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Where events go. A sink must not throw: logging never breaks the work being logged. */
export interface LogSink {
  write(event: LogEvent): void;
}

export function createLogger(sinks: LogSink[], now: () => Date = () => new Date()): Logger {
  const emit = (level: LogLevel, message: string, fields: LogFields = {}) => {
    const event: LogEvent = { level, message, ...fields, time: now().toISOString() };
    // Fields never override the three keys every event must carry.
    Object.assign(event, { level, message });
    for (const sink of sinks) sink.write(event);
  };
  return {
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
  };
}

/** A logger that drops everything, for callers that were given none. */
export const silentLogger: Logger = createLogger([]);

export interface FileSinkOptions {
  /** Size at which the file is rotated (default 1 MB). */
  maxBytes?: number;
  /** Files kept in total, the live one included: `app.log`, `app.log.1`, ... (default 5). */
  maxFiles?: number;
}

/** Appends one JSON line per event; rotates `path` to `path.1` (and older ones up) when it would grow past maxBytes. */
export function fileSink(path: string, options: FileSinkOptions = {}): LogSink {
  const maxBytes = options.maxBytes ?? 1_000_000;
  const maxFiles = Math.max(1, options.maxFiles ?? 5);
  mkdirSync(dirname(path), { recursive: true });
  // The size is read on each write: another sink or process may write to the same file.
  const sizeNow = () => (existsSync(path) ? statSync(path).size : 0);
  const initialSize = sizeNow();
  // A line cut short by a crash is closed first, so the next event starts on its own line.
  let pendingNewline = initialSize > 0 && !endsWithNewline(path, initialSize);

  const rotate = () => {
    if (maxFiles === 1) return rmSync(path, { force: true });
    rmSync(`${path}.${maxFiles - 1}`, { force: true });
    for (let i = maxFiles - 2; i >= 1; i--) {
      if (existsSync(`${path}.${i}`)) renameSync(`${path}.${i}`, `${path}.${i + 1}`);
    }
    renameSync(path, `${path}.1`);
  };

  return {
    write(event) {
      const line = (pendingNewline ? '\n' : '') + JSON.stringify(event) + '\n';
      const bytes = Buffer.byteLength(line);
      try {
        const size = sizeNow();
        if (size > 0 && size + bytes > maxBytes) rotate();
        appendFileSync(path, line);
        pendingNewline = false;
      } catch {
        // A full disk or a vanished folder must not fail a roster generation.
      }
    },
  };
}

function endsWithNewline(path: string, size: number): boolean {
  const fd = openSync(path, 'r');
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

export interface MemorySink extends LogSink {
  /** The most recent events, oldest first. */
  events(limit?: number): LogEvent[];
}

/** Keeps the last `capacity` events in memory, for tests and the app's activity view. */
export function memorySink(capacity = 500): MemorySink {
  const ring: LogEvent[] = [];
  return {
    write(event) {
      ring.push(event);
      if (ring.length > capacity) ring.shift();
    },
    events(limit = capacity) {
      return ring.slice(Math.max(0, ring.length - limit));
    },
  };
}

/** JSON lines on stderr (the CLI's --verbose). */
export function stderrSink(): LogSink {
  return { write: (event) => void process.stderr.write(JSON.stringify(event) + '\n') };
}

/** The last `limit` events written by a fileSink at `path`, oldest first, reading rotated files as needed. */
export function readLogFile(path: string, limit: number): LogEvent[] {
  const events: LogEvent[] = [];
  for (let i = 0; events.length < limit; i++) {
    const file = i === 0 ? path : `${path}.${i}`;
    if (!existsSync(file)) break;
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const parsed: LogEvent[] = [];
    for (const line of lines) {
      try {
        parsed.push(JSON.parse(line) as LogEvent);
      } catch {
        // A line cut short by a crash is skipped, not fatal.
      }
    }
    events.unshift(...parsed.slice(Math.max(0, parsed.length - (limit - events.length))));
  }
  return events;
}

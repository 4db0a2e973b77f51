import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createLogger, fileSink, memorySink, readLogFile } from '../../main/log.ts';

const dir = mkdtempSync(join(tmpdir(), 'rostermeister-log-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('logger', () => {
  it('writes level, message, fields and an ISO time to every sink', () => {
    const a = memorySink();
    const b = memorySink();
    const log = createLogger([a, b], () => new Date('2026-05-01T10:00:00.000Z'));
    log.warn('fallback_to_legacy', { reason: 'optimizer worker crashed (exit code 1)', status: 'crashed' });
    const expected = {
      level: 'warn',
      message: 'fallback_to_legacy',
      reason: 'optimizer worker crashed (exit code 1)',
      status: 'crashed',
      time: '2026-05-01T10:00:00.000Z',
    };
    assert.deepEqual(a.events(), [expected]);
    assert.deepEqual(b.events(), [expected]);
  });

  it('keeps level and message even when fields try to override them', () => {
    const ring = memorySink();
    createLogger([ring]).info('Generating roster', { level: 'error', message: 'other', time: 'never' });
    const [event] = ring.events();
    assert.equal(event.level, 'info');
    assert.equal(event.message, 'Generating roster');
    assert.ok(!Number.isNaN(Date.parse(event.time)) && event.time !== 'never');
  });

  it('memory ring keeps only the newest events', () => {
    const ring = memorySink(3);
    const log = createLogger([ring]);
    for (let i = 1; i <= 5; i++) log.info(`event ${i}`);
    assert.deepEqual(
      ring.events().map((e) => e.message),
      ['event 3', 'event 4', 'event 5'],
    );
    assert.deepEqual(
      ring.events(2).map((e) => e.message),
      ['event 4', 'event 5'],
    );
  });
});

describe('file sink', () => {
  it('appends one JSON line per event and reads them back', () => {
    const path = join(dir, 'plain', 'rostermeister.log');
    const log = createLogger([fileSink(path)]);
    log.info('Generating roster', { scheduler_type: 'legacy', num_days: 9 });
    log.error('roster generation failed', { error: 'boom' });
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.equal((JSON.parse(lines[0]) as { num_days: number }).num_days, 9);
    assert.deepEqual(
      readLogFile(path, 10).map((e) => e.message),
      ['Generating roster', 'roster generation failed'],
    );
  });

  it('rotates by size and keeps at most maxFiles files', () => {
    const folder = join(dir, 'rotating');
    const path = join(folder, 'app.log');
    const log = createLogger([fileSink(path, { maxBytes: 300, maxFiles: 3 })]);
    for (let i = 0; i < 40; i++) log.info('event', { i, padding: 'x'.repeat(40) });

    assert.deepEqual(readdirSync(folder).sort(), ['app.log', 'app.log.1', 'app.log.2']);
    for (const name of readdirSync(folder)) {
      assert.ok(readFileSync(join(folder, name)).length <= 300, `${name} is over the size limit`);
    }
    const recent = readLogFile(path, 1000).map((e) => e.i as number);
    assert.equal(recent.at(-1), 39);
    assert.deepEqual(
      recent,
      recent.map((_, k) => recent[0] + k),
      'events come back in order across rotated files',
    );
    assert.ok(recent[0] > 0, 'the oldest events were dropped');
  });

  it('rotates correctly when two sinks share one file', () => {
    const folder = join(dir, 'shared');
    const path = join(folder, 'app.log');
    const first = createLogger([fileSink(path, { maxBytes: 300, maxFiles: 2 })]);
    const second = createLogger([fileSink(path, { maxBytes: 300, maxFiles: 2 })]);
    for (let i = 0; i < 20; i++) (i % 2 === 0 ? first : second).info('event', { i, padding: 'y'.repeat(40) });
    for (const name of readdirSync(folder)) {
      assert.ok(readFileSync(join(folder, name)).length <= 300, `${name} is over the size limit`);
    }
    assert.equal(readLogFile(path, 1)[0].i, 19);
  });

  it('continues an existing file and skips a line cut short by a crash', () => {
    const path = join(dir, 'existing.log');
    writeFileSync(path, '{"level":"info","message":"before","time":"2026-01-01T00:00:00.000Z"}\n{"level":"info","mess');
    createLogger([fileSink(path)]).info('after');
    assert.deepEqual(
      readLogFile(path, 10).map((e) => e.message),
      ['before', 'after'],
    );
    assert.deepEqual(
      readLogFile(path, 1).map((e) => e.message),
      ['after'],
    );
  });
});

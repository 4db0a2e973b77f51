import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ComparisonView, DraftView, ExportFormat, MonthRef } from '../main/api/contract.ts';
import { callApi } from '../main/api/dispatch.ts';
import { createBackend } from '../main/backend/index.ts';
import { serializeClub } from '../solver/clubFile.ts';
import { syntheticClub } from './syntheticClub.ts';

/**
 * `npm run bench:scale`: one club of 1,000 members and a 12-month draft, through the real backend on a
 * temporary data folder: import, generation with each scheduler, comparison, the draft grid's payload,
 * slot editing, publishing and every export format. Prints a table and writes bench/scale-results.md.
 * Nothing here asserts on time.
 */

const MEMBERS = 1000;
const ROLES = 6;
const YEAR = 2026;
const RANGE: MonthRef = { year: YEAR, month: 1, months: 12 };
const OUT = new URL('./scale-results.md', import.meta.url);

interface Row {
  step: string;
  ms: number;
  detail: string;
}

const rows: Row[] = [];

async function timed<T>(step: string, work: () => Promise<T>, detail: (value: T) => string): Promise<T> {
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  rows.push({ step, ms, detail: detail(value) });
  process.stderr.write(`${step}: ${ms.toFixed(0)} ms\n`);
  return value;
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

function runDetail(view: DraftView): string {
  const { run } = view;
  const m = run.metrics;
  const fill = m ? `fill ${m.fill_rate_percent}% (${m.filled_slots}/${m.total_slots}), variance ${m.fairness_variance}` : 'no metrics';
  const fallback = run.fallback ? `; fell back to legacy: ${run.fallback.reason}` : '';
  return `${run.scheduler} ${run.status}${run.gap !== null ? ` gap ${run.gap}` : ''}; ${fill}${fallback}`;
}

const dataDir = mkdtempSync(join(tmpdir(), 'rostermeister-scale-'));
const club = syntheticClub({ members: MEMBERS, roles: ROLES, seed: 2026, range: { start: `${YEAR}-01-01`, end: `${YEAR}-12-31` } });
const clubText = JSON.stringify(serializeClub(club));

try {
  const backend = await createBackend({ dataDir });
  await timed(
    'import club file',
    () => backend.importClub(clubText),
    (r) => `${r.members} members, ${r.roles} roles, ${kib(clubText.length)} file`,
  );
  await backend.updateSettings({ scheduler: 'legacy', monthOverrides: {}, shadowMode: false, timeLimitSeconds: 10 });

  const legacy = await timed('generate 12-month draft (legacy)', () => backend.generateDraft(RANGE), runDetail);
  await timed('roll (legacy, new seed)', () => backend.rollDraft(legacy.id), runDetail);
  const view = await timed(
    'getDraft (the grid)',
    () => backend.getDraft(RANGE),
    (v) => {
      const bytes = Buffer.byteLength(JSON.stringify(v));
      return `${v!.dutyDays.length} duty days x ${v!.roles.length} roles = ${v!.slots.length} slots; payload ${kib(bytes)}`;
    },
  );
  const slot = view!.slots.find((s) => s.memberId !== null)!;
  const candidates = await timed(
    'slotCandidates (one slot, edit dialog)',
    () => backend.slotCandidates(view!.id, slot.date, slot.role),
    (c) => `${c.length} candidates, ${c.filter((x) => x.eligible).length} eligible`,
  );
  const other = candidates.find((c) => c.eligible && c.memberId !== slot.memberId);
  if (other)
    await timed(
      'setSlot by hand',
      () => backend.setSlot(view!.id, slot.date, slot.role, other.memberId),
      () => 'hard rules checked, draft re-read',
    );
  await timed(
    'setSlotLocked',
    () => backend.setSlotLocked(view!.id, slot.date, slot.role, true),
    () => 'lock kept by the next generation',
  );

  await backend.updateSettings({ scheduler: 'optimizer', monthOverrides: {}, shadowMode: false, timeLimitSeconds: 10 });
  await timed('generate 12-month draft (optimizer, 10 s limit)', () => backend.rollDraft(view!.id), runDetail);

  await timed(
    'compare legacy vs optimizer (12 months)',
    () => backend.compare(RANGE),
    (c: ComparisonView) =>
      (c.optimizer === null || c.differences === null || c.acceptance === null
        ? `the optimizer failed (${c.optimizerFailure?.reason ?? 'no reason'})`
        : `changed ${c.differences.changed_slots} slots on ${c.differences.changed_dates} dates; optimizer ${c.optimizer.status}; acceptance ${c.acceptance.passed ? 'passed' : 'not passed'}`) +
      `; payload ${kib(Buffer.byteLength(JSON.stringify(c)))}`,
  );

  const toPublish = (await backend.getDraft(RANGE))!;
  await timed(
    'publish 12 months',
    () => backend.publishDraft(toPublish.id),
    (p) => `${p.days.length} days published in one transaction`,
  );

  // The busiest member, so the per-member export has something in most months.
  const memberId = Object.entries(toPublish.loads).sort((a, b) => b[1] - a[1])[0][0];
  const formats: ExportFormat[] = ['csv', 'csv-long', 'ics', 'pdf'];
  for (const format of formats) {
    let bytes = 0;
    let slowest = 0;
    await timed(
      `export ${format}, all 12 months`,
      async () => {
        for (let month = 1; month <= 12; month++) {
          const started = performance.now();
          const file = await backend.exportPublished({ year: YEAR, month, format });
          slowest = Math.max(slowest, performance.now() - started);
          bytes += Buffer.from(file.base64, 'base64').length;
        }
      },
      () => `${kib(bytes)} in 12 files; slowest month ${slowest.toFixed(0)} ms`,
    );
  }
  await timed(
    'export ics, busiest member, 12 months',
    async () => {
      const files: number[] = [];
      for (let month = 1; month <= 12; month++) {
        const reply = await callApi(backend, 'exportPublished', [{ year: YEAR, month, format: 'ics', memberId }]);
        if (reply.ok) files.push(Buffer.from((reply.value as { base64: string }).base64, 'base64').length);
      }
      return files;
    },
    (files) => `${files.length} months with duties, ${kib(files.reduce((a, b) => a + b, 0))}`,
  );
  await timed(
    'export club file',
    () => backend.exportClub(),
    (text) => kib(text.length),
  );
  await timed(
    'listRuns(100)',
    () => backend.listRuns(100),
    (r) => `${r.length} runs`,
  );
  await backend.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const table = [
  '| Step | Time (ms) | Result |',
  '|---|---:|---|',
  ...rows.map((r) => `| ${r.step} | ${r.ms.toFixed(0)} | ${r.detail.replaceAll('|', '\\|')} |`),
].join('\n');
const machine = `${platform()} ${release()}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
const section = [
  '## Scale: 1,000 members, one 12-month draft',
  '',
  `Synthetic club (bench/syntheticClub.ts, seed 2026): ${MEMBERS} members, ${ROLES} roles, season all year (every weekend of ${YEAR}).`,
  `Everything runs through the backend (real SQLite file, optimizer in its worker). Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
  'Wall-clock times of single runs on a shared machine: indicative, not asserted anywhere.',
  '',
  table,
  '',
].join('\n');
console.log(section);
const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
if (previous !== section) writeFileSync(OUT, section);

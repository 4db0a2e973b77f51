import type { ScenarioResult } from '../api/contract.ts';
import type { ScenarioChanges } from '../../solver/scenario.ts';
import type { Assignment, DateRange, IsoDate } from '../../solver/types.ts';
import type { Db } from './connection.ts';

/** What-if scenarios. They live in their own table: nothing here is read by drafts or published rosters. */

export interface ScenarioRow {
  id: number;
  name: string;
  range: DateRange;
  changes: ScenarioChanges;
  base: { removedDates: IsoDate[]; locked: Assignment[] };
  result: ScenarioResult | null;
  createdAt: string;
  updatedAt: string;
}

interface RawRow {
  id: number;
  name: string;
  range_start: string;
  range_end: string;
  changes_json: string;
  base_json: string;
  result_json: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, name, range_start, range_end, changes_json, base_json, result_json, created_at, updated_at';

function toRow(r: RawRow): ScenarioRow {
  return {
    id: r.id,
    name: r.name,
    range: { start: r.range_start, end: r.range_end },
    changes: JSON.parse(r.changes_json) as ScenarioChanges,
    base: JSON.parse(r.base_json) as ScenarioRow['base'],
    result: r.result_json === null ? null : (JSON.parse(r.result_json) as ScenarioResult),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function insertScenario(
  db: Db,
  scenario: { name: string; range: DateRange; changes: ScenarioChanges; base: ScenarioRow['base'] },
  now: string,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO scenario (name, range_start, range_end, changes_json, base_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        scenario.name,
        scenario.range.start,
        scenario.range.end,
        JSON.stringify(scenario.changes),
        JSON.stringify(scenario.base),
        now,
        now,
      ).lastInsertRowid,
  );
}

export function getScenario(db: Db, id: number): ScenarioRow | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM scenario WHERE id = ?`).get(id) as RawRow | undefined;
  return row ? toRow(row) : null;
}

export function listScenarioRows(db: Db): ScenarioRow[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM scenario ORDER BY id DESC`).all() as RawRow[]).map(toRow);
}

/** New inputs make the old roster meaningless: it is dropped until the scenario is generated again. */
export function updateScenarioInputs(db: Db, id: number, name: string, changes: ScenarioChanges, now: string): void {
  db.prepare('UPDATE scenario SET name = ?, changes_json = ?, result_json = NULL, generated_at = NULL, updated_at = ? WHERE id = ?').run(
    name,
    JSON.stringify(changes),
    now,
    id,
  );
}

export function saveScenarioResult(db: Db, id: number, result: ScenarioResult, now: string): void {
  db.prepare('UPDATE scenario SET result_json = ?, generated_at = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(result),
    result.generatedAt,
    now,
    id,
  );
}

export function deleteScenarioRow(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM scenario WHERE id = ?').run(id).changes > 0;
}

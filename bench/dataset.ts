import type { Sql } from './database';

/**
 * The bench data set is made of parts, seeded in order and each marked done in bench.dataset
 * with its version and size: the orders part (bench/seed-data.ts) first; a later benchmark (the
 * approvals inbox, bench/approvals-data.ts) adds a part of its own that builds on it and is
 * seeded on its first run. Changing a part's version or size makes the whole data set stale: it
 * is seeded again — unless the part can `remove` itself, then only that part is seeded again.
 */
export type DatasetPart = {
  name: string;
  version: number;
  /** What the part holds (rows per table …); a different size is a different data set. */
  size: Record<string, number>;
  seed: (sql: Sql, log: (line: string) => void) => Promise<void>;
  /** Takes out what this part (or an unfinished seed of it) added; run before every seed of the part. */
  remove?: (sql: Sql, log: (line: string) => void) => Promise<void>;
};

export type DatasetState =
  | { kind: 'ready'; seededAt: Date; seconds: number }
  | { kind: 'missing'; parts: DatasetPart[] }
  | { kind: 'stale'; reason: string };

type Marker = { part: string; version: number; size: Record<string, number>; seeded_at: Date; seconds: string };

const sameSize = (a: Record<string, number>, b: Record<string, number>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Which parts are seeded, which are missing, or why the data set must be seeded again. */
export async function datasetState(sql: Sql, parts: readonly DatasetPart[]): Promise<DatasetState> {
  const [table] = await sql<{ exists: boolean }[]>`select to_regclass('bench.dataset') is not null as exists`;
  const markers: Marker[] = table?.exists
    ? await sql<Marker[]>`select part, version, size, seeded_at, seconds from bench.dataset`
    : [];
  if (markers.length === 0) {
    const [{ n = 0 } = {}] = await sql<{ n: number }[]>`select count(*)::int as n from organizations`;
    return n === 0
      ? { kind: 'missing', parts: [...parts] }
      : { kind: 'stale', reason: 'data but no finished bench seed' };
  }
  const redo: DatasetPart[] = [];
  for (const marker of markers) {
    const part = parts.find((p) => p.name === marker.part);
    if (part && (part.version !== marker.version || !sameSize(part.size, marker.size))) {
      if (part.remove) redo.push(part);
      else
        return {
          kind: 'stale',
          reason: `part "${part.name}" v${marker.version} ${JSON.stringify(marker.size)}, want v${part.version} ${JSON.stringify(part.size)}`,
        };
    }
  }
  const missing = parts.filter((part) => redo.includes(part) || !markers.some((marker) => marker.part === part.name));
  if (missing.length > 0) return { kind: 'missing', parts: missing };
  const first = markers.find((marker) => marker.part === parts[0]?.name) ?? markers[0];
  return {
    kind: 'ready',
    seededAt: first?.seeded_at ?? new Date(),
    seconds: markers.reduce((sum, marker) => sum + Number(marker.seconds), 0),
  };
}

/** Seeds the missing parts in order and marks each done. */
export async function seedParts(sql: Sql, parts: readonly DatasetPart[], log: (line: string) => void): Promise<void> {
  await sql.unsafe(`
    create schema if not exists bench;
    create table if not exists bench.dataset (part text primary key, version int not null, size jsonb not null, seeded_at timestamptz not null, seconds numeric not null)`);
  for (const part of parts) {
    const started = performance.now();
    await sql`delete from bench.dataset where part = ${part.name}`;
    await part.remove?.(sql, log);
    await part.seed(sql, log);
    const seconds = (performance.now() - started) / 1000;
    await sql`insert into bench.dataset ${sql({ part: part.name, version: part.version, size: sql.json(part.size), seeded_at: new Date(), seconds: seconds.toFixed(1) })}`;
    log(`Seeded part "${part.name}" in ${seconds.toFixed(0)} s.`);
  }
}

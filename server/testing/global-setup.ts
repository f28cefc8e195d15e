import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '@/db/client';
import { startEmbeddedPostgres, type EmbeddedServer } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { syncPredefinedRoles } from '@/db/predefined-roles';
import { databaseUrl, TEMPLATE_DATABASE } from './test-database-names';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection to the test server's maintenance database, allowed to create databases. */
    adminDatabaseUrl: string;
  }
}

let server: EmbeddedServer | undefined;
let tempDir: string | undefined;
let adminUrl: string | undefined;

/** TEST_DATABASE_URL when given, else an embedded PostgreSQL in a fresh temp folder on a free port. */
export async function setup(project: TestProject): Promise<void> {
  adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'countersign-test-'));
    // As root the server runs as the `postgres` user, which must be able to enter the folder.
    await chmod(tempDir, 0o755);
    server = await startEmbeddedPostgres({
      dataDir: path.join(tempDir, 'pg'),
      port: await freePort(),
      log: console.error,
    });
    adminUrl = server.url('postgres');
  }
  await createTemplate(adminUrl);
  project.provide('adminDatabaseUrl', adminUrl);
}

export async function teardown(): Promise<void> {
  if (adminUrl && !server) await dropDatabase(adminUrl, TEMPLATE_DATABASE);
  await server?.stop();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
}

async function createTemplate(url: string): Promise<void> {
  await dropDatabase(url, TEMPLATE_DATABASE);
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database "${TEMPLATE_DATABASE}"`);
  } finally {
    await admin.end();
  }
  const templateUrl = databaseUrl(url, TEMPLATE_DATABASE);
  await migrateDatabase(templateUrl);
  const handle = connectDatabase(templateUrl, { max: 1 });
  try {
    await syncPredefinedRoles(handle.db);
  } finally {
    // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
    await handle.close();
  }
}

async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

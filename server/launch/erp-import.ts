import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ERP_FILE_LIMITS } from '@/server/domain/erp/limits';
import type { ImportSummary } from '@/server/domain/erp/import-plan';
import { applyErpImport, previewErpImport } from '@/server/services/erp/import';
import { prepareDatabase } from './database';

/**
 * `npm run erp:import -- --customers customers.csv --contacts contacts.csv [--dry-run]`: the same
 * import as the staff dashboard, against DATABASE_URL or the embedded PostgreSQL of `npm run dev`.
 * Exit codes: 0 imported, 1 nothing imported (bad arguments or files), 2 imported with rows skipped.
 */
const USAGE = 'Usage: npm run erp:import -- --customers customers.csv --contacts contacts.csv [--dry-run]';
const log = (line: string) => console.log(`[erp-import] ${line}`);

async function readExport(path: string): Promise<string> {
  const info = await stat(path);
  if (info.size > ERP_FILE_LIMITS.maxBytes)
    throw new Error(`${path} is larger than ${ERP_FILE_LIMITS.maxBytes / 1024 / 1024} MB.`);
  return readFile(path, 'utf8');
}

function report(summary: ImportSummary, dryRun: boolean) {
  for (const problem of summary.problems) console.error(`${problem.file}:${problem.line}: ${problem.message}`);
  if (summary.problemCount > summary.problems.length)
    console.error(`… and ${summary.problemCount - summary.problems.length} more problems.`);
  if (summary.blocked) {
    log('Nothing was imported: fix the problems above.');
    return;
  }
  const counts = (c: ImportSummary['customers']) =>
    `${c.added} added, ${c.updated} updated, ${c.removed} removed, ${c.unchanged} unchanged, ${c.kept} kept`;
  log(
    `${dryRun ? 'Dry run, nothing written. Would import' : 'Imported'} ${summary.rows.customers} customer rows and ${summary.rows.contacts} contact rows.`,
  );
  log(`Customers: ${counts(summary.customers)}.`);
  log(`Contacts: ${counts(summary.contacts)}.`);
  if (summary.rows.skipped > 0)
    log(`${summary.rows.skipped} rows with errors were skipped; what the last import had for them is kept.`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' },
      contacts: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (!values.customers || !values.contacts) {
    console.error(USAGE);
    return 1;
  }
  const files = { customersCsv: await readExport(values.customers), contactsCsv: await readExport(values.contacts) };
  const database = await prepareDatabase({ log });
  try {
    const dryRun = values['dry-run'];
    const preview = await previewErpImport(database.handle.db, files);
    if (preview.blocked) {
      report(preview, true);
      return 1;
    }
    const summary = dryRun
      ? preview
      : await applyErpImport(database.handle.db, { ...files, actor: null, now: new Date() });
    report(summary, dryRun);
    return summary.rows.skipped > 0 ? 2 : 0;
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

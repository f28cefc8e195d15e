import type { CatalogImportSummary, FileCounts } from './import-plan';

/** How many rows an applied import took (with or without changes) and how many it skipped for their problems. */
export function importedAndSkipped(summary: CatalogImportSummary): { imported: number; skipped: number } {
  const files = Object.values(summary.files).filter((file): file is FileCounts => file !== null);
  return {
    imported: files.reduce((sum, file) => sum + file.added + file.updated + file.unchanged, 0),
    skipped: files.reduce((sum, file) => sum + file.skipped, 0),
  };
}

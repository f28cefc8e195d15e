/** The migrated database every test file copies its own database from. */
export const TEMPLATE_DATABASE = 'countersign_template';

/** The same server and credentials as `url`, another database. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

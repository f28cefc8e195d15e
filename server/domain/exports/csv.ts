import { minorDigits } from '../money';

/**
 * Writing CSV for spreadsheets (the import parser is `server/domain/csv.ts`). RFC 4180: fields
 * separated by commas, rows ended by CRLF, a field quoted when it holds a comma, a quote or a line
 * break, quotes doubled. The file starts with a UTF-8 byte-order mark, without which Excel reads
 * UTF-8 as the local code page and "Müller" turns into "MÃ¼ller".
 */

export const BYTE_ORDER_MARK = '\uFEFF';

/** An amount already written as a plain decimal ("-1234.50"): ours, so never taken for a formula. */
export type Decimal = { readonly decimal: string };

/** What a cell may hold. Text is neutralised; numbers, decimals and dates are written as they are. */
export type Cell = string | number | boolean | Date | Decimal | null | undefined;

/**
 * A spreadsheet runs a cell starting with one of these as a formula (`=HYPERLINK(…)`, `@SUM(…)`,
 * `+1+cmd|…`, `-2+…`), and some also after a leading tab or carriage return. Text from people
 * (PO numbers, feedback, names) may start with any of them.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet will show as text: a cell that would start a formula gets a leading
 * apostrophe (OWASP's advice), which spreadsheets read as "this is text" and do not display.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A field as it goes between the commas: quoted when it must be, quotes doubled. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Instants as ISO 8601 in UTC ("2026-11-23T10:42:00.000Z"): the same moment for every reader, whatever their zone. */
function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return neutraliseFormula(cell);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  return cell.decimal;
}

/** One row of the file, CRLF included. */
export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map((cell) => quoteField(cellText(cell))).join(',')}\r\n`;
}

/** The first thing sent: the byte-order mark and the header row. */
export function csvHeader(columns: readonly string[]): string {
  return BYTE_ORDER_MARK + csvRow(columns);
}

/**
 * Minor units as a decimal in major units, without thousands separators so that a spreadsheet
 * reads a number: 123456 USD → "1234.56", 1500 JPY → "1500", -5 USD → "-0.05". From the digits,
 * never through a float.
 */
export function majorUnits(minor: number, currency: string): Decimal {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(minor));
  if (digits === 0) return { decimal: `${sign}${abs}` };
  const scale = 10 ** digits;
  return { decimal: `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, '0')}` };
}

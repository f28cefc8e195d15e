import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BYTE_ORDER_MARK, csvHeader, csvRow, majorUnits, neutraliseFormula, quoteField } from './csv';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.test","click")', '\'=HYPERLINK("http://evil.test","click")'],
    ['+1+cmd|" /C calc"!A0', '\'+1+cmd|" /C calc"!A0'],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('puts an apostrophe before %j', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it.each(['PO 12-34', 'a=b', 'CS-100123', 'Müller & Söhne', '', "'already quoted"])('leaves %j alone', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('quoteField', () => {
  it('quotes a field with a comma, a quote or a line break, doubling quotes', () => {
    expect(quoteField('a,b')).toBe('"a,b"');
    expect(quoteField('say "yes"')).toBe('"say ""yes"""');
    expect(quoteField('two\nlines')).toBe('"two\nlines"');
    expect(quoteField('cr\rhere')).toBe('"cr\rhere"');
    expect(quoteField('plain text')).toBe('plain text');
  });
});

describe('csvRow', () => {
  it('ends with CRLF and writes each kind of cell', () => {
    const at = new Date('2026-11-23T10:42:00Z');
    expect(csvRow(['CS-1', 3, true, false, at, null, undefined, majorUnits(-1250, 'USD')])).toBe(
      'CS-1,3,yes,no,2026-11-23T10:42:00.000Z,,,-12.50\r\n',
    );
  });

  it('neutralises text but not the amounts and numbers it writes itself', () => {
    expect(csvRow(['-5', -5, majorUnits(-500, 'USD'), '=1+1'])).toBe("'-5,-5,-5.00,'=1+1\r\n");
  });

  it('neutralises a formula inside a quoted field (a tab or CR start included)', () => {
    expect(csvRow(['\r=cmd', '=A1,B1'])).toBe('"\'\r=cmd","\'=A1,B1"\r\n');
  });

  it('reads back through a CSV parser as the same text, unicode and line breaks included', () => {
    const cells = ['Zoë “quoted” 東京 🚚', 'line one\r\nline two', 'a,"b",c', ' spaced '];
    const [row] = parse(csvRow(cells), { relax_quotes: false }) as string[][];
    expect(row).toEqual(cells);
  });
});

describe('csvHeader', () => {
  it('starts the file with the UTF-8 byte-order mark, written as EF BB BF', () => {
    const header = csvHeader(['Order', 'Total']);
    expect(header).toBe(`${BYTE_ORDER_MARK}Order,Total\r\n`);
    expect([...Buffer.from(header, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('majorUnits', () => {
  it.each([
    [123456, 'USD', '1234.56'],
    [5, 'USD', '0.05'],
    [-5, 'USD', '-0.05'],
    [0, 'EUR', '0.00'],
    [1500, 'JPY', '1500'],
    [12345, 'KWD', '12.345'],
    [10_000_000_000_000, 'USD', '100000000000.00'],
  ])('writes %d %s as %s', (minor, currency, text) => {
    expect(majorUnits(minor, currency)).toEqual({ decimal: text });
  });
});

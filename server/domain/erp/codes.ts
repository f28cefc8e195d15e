/** ERP customer codes: compared and stored upper-case, so "c1001" in a form finds "C1001". */
export const CUSTOMER_CODE_MAX_LENGTH = 50;

const CODE_PATTERN = /^[A-Z0-9][A-Z0-9._\-/]*$/;

export type ParsedCode = { ok: true; code: string } | { ok: false; message: string };

export function parseCustomerCode(text: string): ParsedCode {
  const code = text.trim().toUpperCase();
  if (!code) return { ok: false, message: 'customer_code is empty.' };
  if (code.length > CUSTOMER_CODE_MAX_LENGTH) {
    return {
      ok: false,
      message: `customer_code "${code.slice(0, 20)}…" is longer than ${CUSTOMER_CODE_MAX_LENGTH} characters.`,
    };
  }
  if (!CODE_PATTERN.test(code)) {
    return { ok: false, message: `customer_code "${code}" may contain only letters, digits and . _ - /` };
  }
  return { ok: true, code };
}

export const EXCLUDED_CODES_MAX = 10_000;

/** The staff form's list of excluded codes: separated by commas or new lines; blanks and repeats ignored. */
export function parseExcludedCodes(text: string): { ok: true; codes: string[] } | { ok: false; problems: string[] } {
  const parts = text
    .split(/[,\n\r]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  const codes = new Set<string>();
  const problems: string[] = [];
  for (const part of parts) {
    const parsed = parseCustomerCode(part);
    if (parsed.ok) codes.add(parsed.code);
    else problems.push(parsed.message.replace(/^customer_code/, 'The code'));
  }
  if (codes.size > EXCLUDED_CODES_MAX)
    problems.push(`At most ${EXCLUDED_CODES_MAX.toLocaleString('en-US')} codes can be excluded.`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, codes: [...codes].sort() };
}

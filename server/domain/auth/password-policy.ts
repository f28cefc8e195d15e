/**
 * NIST 800-63B style: length over composition rules. A short list of the commonest passwords is
 * refused outright; the limit of 128 keeps argon2 from being used to burn CPU.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON_PASSWORDS = new Set([
  'password123',
  'password1234',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'iloveyou123',
  'letmein123',
  'welcome123',
  'administrator',
  'passw0rd123',
  'abc1234567',
  'qwerty1234',
]);

export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'This password is too common. Choose another.';
  if (new Set(password).size < 4) return 'This password is too easy to guess. Choose another.';
  if (email && password.toLowerCase().includes(email.split('@')[0]?.toLowerCase() || '\u0000')) {
    return 'Do not use your email address in your password.';
  }
  return undefined;
}

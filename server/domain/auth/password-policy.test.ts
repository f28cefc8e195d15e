import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('Tulip-harbour-7-lantern', 'dana@example.com')).toBeUndefined();
  });

  it('refuses passwords shorter than ten characters', () => {
    expect(passwordProblem('Sh0rt-pw')).toBe('Use at least 10 characters.');
  });

  it('refuses passwords over the maximum length', () => {
    expect(passwordProblem('a1b2c3d4'.repeat(PASSWORD_MAX_LENGTH / 8 + 1))).toBe(
      `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
    );
  });

  it('refuses the commonest passwords whatever their case', () => {
    expect(passwordProblem('Password123')).toMatch(/too common/);
  });

  it('refuses passwords made of very few distinct characters', () => {
    expect(passwordProblem('aaaaabbbbbb')).toMatch(/too easy to guess/);
  });

  it('refuses passwords containing the local part of the email address', () => {
    expect(passwordProblem('my-Dana.Smith-2025', 'dana.smith@example.com')).toMatch(/email address/);
  });
});

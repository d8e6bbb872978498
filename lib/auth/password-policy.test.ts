import { describe, expect, it } from 'vitest';
import { NewPasswordSchema, PASSWORD_MAX_LENGTH } from './password-policy.ts';

function problems(password: string) {
  const result = NewPasswordSchema.safeParse(password);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('the password policy', () => {
  it('requires at least 12 characters, counted as characters rather than bytes', () => {
    expect(problems('short-pass1')).toEqual(['tooShort']);
    expect(problems('ملک پاکستان آذربائیجان')).toEqual([]);
    // 11 astral-plane characters are 22 UTF-16 code units but still only 11 characters.
    expect(problems('🛢'.repeat(11))).toEqual(['tooShort']);
    expect(problems('🛢'.repeat(12))).toEqual([]);
  });

  it('accepts long passphrases up to the cap and keeps every character', () => {
    expect(problems('x'.repeat(128))).toEqual([]);
    expect(problems('x'.repeat(PASSWORD_MAX_LENGTH))).toEqual([]);
    expect(problems('x'.repeat(PASSWORD_MAX_LENGTH + 1))).toEqual(['tooLong']);
  });

  it('rejects passwords found in the shipped list of common passwords, whatever their case', () => {
    expect(problems('qwerty123456')).toEqual(['common']);
    expect(problems('QWERTY123456')).toEqual(['common']);
    expect(problems('1qaz2wsx3edc')).toEqual(['common']);
    expect(problems('caspian-lng-cargo-2026')).toEqual([]);
  });
});

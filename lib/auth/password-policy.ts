import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase; the cap only keeps hashing cost bounded. Never truncated. */
export const PASSWORD_MAX_LENGTH = 1024;

const common = new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));

/** Length counts characters as people see them (code points), so any Unicode is welcome. */
function length(password: string) {
  return [...password.normalize('NFC')].length;
}

export function isCommonPassword(password: string): boolean {
  return common.has(password.normalize('NFC').toLowerCase());
}

/** Messages are keys into the `Auth.password` catalog. */
export const NewPasswordSchema = z
  .string()
  .refine((password) => length(password) >= PASSWORD_MIN_LENGTH, { message: 'tooShort' })
  .refine((password) => length(password) <= PASSWORD_MAX_LENGTH, { message: 'tooLong' })
  .refine((password) => !isCommonPassword(password), { message: 'common' });

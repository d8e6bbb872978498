// The two steps of the CSV import. "Check" takes the uploaded files (their text, read by the action);
// "Import" takes the same text back from the preview's hidden fields, base64-encoded so that line
// breaks inside cells reach the server exactly as they were checked, and the digest of that check.
import { z } from 'zod';

/** Per file. A 10,000-row milestone export is about 3 MB. */
export const MAX_IMPORT_FILE_CHARS = 8 * 1024 * 1024;

const csvText = z
  .string()
  .max(MAX_IMPORT_FILE_CHARS, 'fileTooLarge')
  .optional()
  .transform((text) => text ?? '');

export const ImportCheckSchema = z
  .object({ agreementsFile: csvText, milestonesFile: csvText })
  .refine((input) => input.agreementsFile.trim() !== '' || input.milestonesFile.trim() !== '', {
    path: ['agreementsFile'],
    message: 'chooseFile',
  });
export type ImportCheckInput = z.output<typeof ImportCheckSchema>;

const encoded = z
  .string()
  .max(Math.ceil(MAX_IMPORT_FILE_CHARS / 3) * 4, 'fileTooLarge')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'invalid')
  .optional()
  .transform((data) => Buffer.from(data ?? '', 'base64').toString('utf8'));

export const ImportRunSchema = z.object({
  agreementsData: encoded,
  milestonesData: encoded,
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'invalid'),
});
export type ImportRunInput = z.output<typeof ImportRunSchema>;

export function encodeImportData(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

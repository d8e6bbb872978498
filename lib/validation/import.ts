// The CSV import's two steps. "Check" uploads the files to a route of its own
// (app/(signed-in)/admin/import/upload/route.ts), which keeps them for the import; "Import" names that
// upload and the digest of the check the admin saw.
import { z } from 'zod';
import { idField, text } from './fields.ts';

/** Per file. A 10,000-row milestone export is about 3 MB. */
export const MAX_IMPORT_FILE_BYTES = 8 * 1024 * 1024;

/** The form fields that carry the files. */
export const IMPORT_FILE_FIELDS = { agreements: 'agreementsFile', milestones: 'milestonesFile' } as const;

export const ImportRunSchema = z.object({
  uploadId: idField,
  digest: text().regex(/^[0-9a-f]{64}$/, 'invalid'),
});
export type ImportRunInput = z.output<typeof ImportRunSchema>;

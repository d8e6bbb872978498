'use server';

import { defineAction } from '@/lib/auth/action.ts';
import { tagsForAgreementChange } from '@/lib/cache-tags.ts';
import { runImport } from '@/lib/data/admin/import.ts';
import { importUploadTexts } from '@/lib/data/admin/import-uploads.ts';
import { invalidateTags } from '@/lib/revalidate.ts';
import { ImportRunSchema } from '@/lib/validation/import.ts';

/**
 * Step 2 (step 1 is the upload route beside this file): checks the uploaded files again and writes
 * them, or shows the new check if anything changed since the admin saw it.
 */
export const runImportAction = defineAction({
  permission: 'data:import',
  schema: ImportRunSchema,
  async run(input, viewer) {
    const texts = await importUploadTexts(viewer, input.uploadId);
    if (!texts) return { status: 'error', error: 'uploadExpired' };
    const outcome = await runImport(viewer, texts, input.digest);
    if (outcome.status === 'changed') return { status: 'error', error: 'changed', current: outcome.preview };
    await invalidateTags(outcome.agreementIds.flatMap(tagsForAgreementChange));
    return { status: 'success', message: 'imported', data: outcome.summary };
  },
});

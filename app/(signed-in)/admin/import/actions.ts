'use server';

import { defineAction } from '@/lib/auth/action.ts';
import { tagsForAgreementChange } from '@/lib/cache-tags.ts';
import { checkImport, runImport } from '@/lib/data/admin/import.ts';
import { invalidateTags } from '@/lib/revalidate.ts';
import { ImportCheckSchema, ImportRunSchema } from '@/lib/validation/import.ts';

/** Step 1: reads the uploaded files and previews the import; writes nothing. */
export const checkImportAction = defineAction({
  permission: 'data:import',
  schema: ImportCheckSchema,
  files: ['agreementsFile', 'milestonesFile'],
  async run(input, viewer) {
    const preview = await checkImport(viewer, { agreements: input.agreementsFile, milestones: input.milestonesFile });
    return { status: 'success', message: 'checked', data: preview };
  },
});

/** Step 2: checks the previewed files again and writes them, or shows the new check if anything changed. */
export const runImportAction = defineAction({
  permission: 'data:import',
  schema: ImportRunSchema,
  async run(input, viewer) {
    const outcome = await runImport(viewer, { agreements: input.agreementsData, milestones: input.milestonesData }, input.digest);
    if (outcome.status === 'changed') return { status: 'error', error: 'changed', current: outcome.preview };
    await invalidateTags(outcome.agreementIds.flatMap(tagsForAgreementChange));
    return { status: 'success', message: 'imported', data: outcome.summary };
  },
});

'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/action.ts';
import { tagsForAgreementChange } from '@/lib/cache-tags.ts';
import { changeAgreementState } from '@/lib/data/admin/agreement-state.ts';
import { createAgreement, updateAgreement } from '@/lib/data/admin/agreements.ts';
import { invalidateTags } from '@/lib/revalidate.ts';
import { AgreementSchema, AgreementStateSchema, AgreementUpdateSchema } from '@/lib/validation/agreement.ts';

/** A new agreement is a draft, invisible to the public: nothing public to invalidate. */
export const createAgreementAction = defineAction({
  permission: 'agreement:manage',
  schema: AgreementSchema,
  async run(input, viewer) {
    const { id } = await createAgreement(viewer, input);
    redirect(`/admin/agreements/${id}?notice=created`);
  },
});

export const updateAgreementAction = defineAction({
  permission: 'agreement:manage',
  schema: AgreementUpdateSchema,
  async run(input, viewer) {
    await updateAgreement(viewer, input);
    await invalidateTags(tagsForAgreementChange(input.id));
    refresh();
    return { status: 'success', message: 'saved' };
  },
});

export const changeAgreementStateAction = defineAction({
  permission: 'agreement:manage',
  schema: AgreementStateSchema.extend({ change: z.enum(['publish', 'unpublish', 'archive', 'restore'], { error: 'invalidChoice' }) }),
  async run({ change, ...input }, viewer) {
    await changeAgreementState(viewer, input, change);
    await invalidateTags(tagsForAgreementChange(input.id));
    refresh();
    return { status: 'success', message: change };
  },
});

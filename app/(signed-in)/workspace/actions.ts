'use server';

import { refresh } from 'next/cache';
import { defineAction } from '@/lib/auth/action.ts';
import { tagsForAgreementChange } from '@/lib/cache-tags.ts';
import { editMilestoneDetails } from '@/lib/data/milestone-details.ts';
import { recordProgressUpdate, reviewProgressUpdate } from '@/lib/data/progress.ts';
import { invalidateTags } from '@/lib/revalidate.ts';
import { MilestoneDetailsSchema, ProgressUpdateSchema, ReviewSchema } from '@/lib/validation/progress.ts';

// The data functions check the table's conditions (assignment, authorship) inside their transactions.
export const recordProgressAction = defineAction({
  permission: 'progress:record',
  schema: ProgressUpdateSchema,
  async run(input, viewer) {
    const update = await recordProgressUpdate(viewer, input);
    // Pending updates are private: no public page changes until one is verified, and the form itself
    // shows the outcome, so nothing needs re-rendering.
    return { status: 'success', message: 'recorded', data: { id: update.id } };
  },
});

export const reviewProgressAction = defineAction({
  permission: 'progress:review',
  schema: ReviewSchema,
  async run(input, viewer) {
    const result = await reviewProgressUpdate(viewer, input);
    if (result.reviewState === 'VERIFIED') await invalidateTags(tagsForAgreementChange(result.agreementId));
    // The review form itself shows the outcome in place; re-rendering the whole queue after every
    // review cost more than the review (the queue is current again on the next visit).
    return { status: 'success', message: result.reviewState === 'VERIFIED' ? 'verified' : 'rejected' };
  },
});

export const editMilestoneDetailsAction = defineAction({
  permission: 'milestone:edit-details',
  schema: MilestoneDetailsSchema,
  async run(input, viewer) {
    const { agreementId } = await editMilestoneDetails(viewer, input);
    await invalidateTags(tagsForAgreementChange(agreementId));
    refresh();
    return { status: 'success', message: 'saved' };
  },
});

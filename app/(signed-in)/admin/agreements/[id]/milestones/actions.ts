'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/action.ts';
import { tagsForAgreementChange } from '@/lib/cache-tags.ts';
import { archiveMilestone, createMilestone, moveMilestone, restoreMilestone, updateMilestone } from '@/lib/data/admin/milestones.ts';
import { invalidateTags } from '@/lib/revalidate.ts';
import { MilestoneMoveSchema, MilestoneSchema, MilestoneStateSchema, MilestoneUpdateSchema } from '@/lib/validation/milestone.ts';

export const createMilestoneAction = defineAction({
  permission: 'milestone:manage',
  schema: MilestoneSchema,
  async run(input, viewer) {
    const { agreementId } = await createMilestone(viewer, input);
    await invalidateTags(tagsForAgreementChange(agreementId));
    redirect(`/admin/agreements/${agreementId}?notice=milestone-created#milestones`);
  },
});

export const updateMilestoneAction = defineAction({
  permission: 'milestone:manage',
  schema: MilestoneUpdateSchema,
  async run(input, viewer) {
    const { agreementId } = await updateMilestone(viewer, input);
    await invalidateTags(tagsForAgreementChange(agreementId));
    refresh();
    return { status: 'success', message: 'saved' };
  },
});

export const changeMilestoneStateAction = defineAction({
  permission: 'milestone:manage',
  schema: MilestoneStateSchema.extend({ change: z.enum(['archive', 'restore'], { error: 'invalidChoice' }) }),
  async run({ change, ...input }, viewer) {
    const { agreementId } = await (change === 'archive' ? archiveMilestone : restoreMilestone)(viewer, input);
    await invalidateTags(tagsForAgreementChange(agreementId));
    refresh();
    return { status: 'success', message: change };
  },
});

export const moveMilestoneAction = defineAction({
  permission: 'milestone:manage',
  schema: MilestoneMoveSchema,
  async run(input, viewer) {
    const { agreementId } = await moveMilestone(viewer, input);
    await invalidateTags(tagsForAgreementChange(agreementId));
    refresh();
    return { status: 'success', message: 'moved' };
  },
});

'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/auth/action.ts';
import { tagsForTaxonomyChange } from '@/lib/cache-tags.ts';
import { createParty, mergeParty, updateParty } from '@/lib/data/admin/parties.ts';
import { invalidateTags } from '@/lib/revalidate.ts';
import { MergeSchema, PartySchema, PartyUpdateSchema } from '@/lib/validation/taxonomy.ts';

export const createPartyAction = defineAction({
  permission: 'party:manage',
  schema: PartySchema,
  async run(input, viewer) {
    const { id } = await createParty(viewer, input);
    await invalidateTags(tagsForTaxonomyChange([]));
    redirect(`/admin/parties/${id}?notice=created`);
  },
});

export const updatePartyAction = defineAction({
  permission: 'party:manage',
  schema: PartyUpdateSchema,
  async run(input, viewer) {
    const { agreementIds } = await updateParty(viewer, input);
    await invalidateTags(tagsForTaxonomyChange(agreementIds));
    refresh();
    return { status: 'success', message: 'saved' };
  },
});

export const mergePartyAction = defineAction({
  permission: 'party:manage',
  schema: MergeSchema,
  async run(input, viewer) {
    const { agreementIds } = await mergeParty(viewer, input);
    await invalidateTags(tagsForTaxonomyChange(agreementIds));
    redirect(`/admin/parties/${input.survivorId}?notice=merged`);
  },
});

'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/auth/action.ts';
import { tagsForTaxonomyChange } from '@/lib/cache-tags.ts';
import { createSector, mergeSector, updateSector } from '@/lib/data/admin/sectors.ts';
import { invalidateTags } from '@/lib/revalidate.ts';
import { MergeSchema, SectorSchema, SectorUpdateSchema } from '@/lib/validation/taxonomy.ts';

export const createSectorAction = defineAction({
  permission: 'sector:manage',
  schema: SectorSchema,
  async run(input, viewer) {
    const { id } = await createSector(viewer, input);
    await invalidateTags(tagsForTaxonomyChange([]));
    redirect(`/admin/sectors/${id}?notice=created`);
  },
});

export const updateSectorAction = defineAction({
  permission: 'sector:manage',
  schema: SectorUpdateSchema,
  async run(input, viewer) {
    const { agreementIds } = await updateSector(viewer, input);
    await invalidateTags(tagsForTaxonomyChange(agreementIds));
    refresh();
    return { status: 'success', message: 'saved' };
  },
});

export const mergeSectorAction = defineAction({
  permission: 'sector:manage',
  schema: MergeSchema,
  async run(input, viewer) {
    const { agreementIds } = await mergeSector(viewer, input);
    await invalidateTags(tagsForTaxonomyChange(agreementIds));
    redirect(`/admin/sectors/${input.survivorId}?notice=merged`);
  },
});

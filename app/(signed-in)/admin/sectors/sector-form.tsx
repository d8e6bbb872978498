'use client';

import { useTranslations } from 'next-intl';
import { FormFeedback, PendingButton, TextAreaField, TextField, useFormKit } from '@/components/admin/form-kit.tsx';
import type { sectorFormView } from '@/lib/data/admin/sectors.ts';
import { createSectorAction, updateSectorAction } from './actions.ts';

type SectorRecord = NonNullable<Awaited<ReturnType<typeof sectorFormView>>>;
const FIELDS = ['name', 'slug', 'description'] as const;

export function SectorForm({ record }: { record?: SectorRecord }) {
  const t = useTranslations('AdminTaxonomy');
  const kit = useFormKit(record ? updateSectorAction : createSectorAction, 'sector');
  return (
    <form action={kit.formAction} className="form" noValidate>
      <FormFeedback kit={kit} conflictFields={FIELDS.map((name) => ({ name, label: t(`sector.${name}`) }))} />
      {record && <input type="hidden" name="id" value={record.id} />}
      {record && <input type="hidden" name="version" value={kit.version(record.version)} />}
      <TextField kit={kit} name="name" label={t('sector.name')} stored={record?.name} required />
      <TextField kit={kit} name="slug" label={t('sector.slug')} stored={record?.slug} hint={t('slugHint')} required />
      <TextAreaField kit={kit} name="description" label={t('sector.description')} stored={record?.description} />
      <PendingButton label={record ? t('save') : t('sector.create')} pendingLabel={t('saving')} />
    </form>
  );
}

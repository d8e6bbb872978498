'use client';

import { useTranslations } from 'next-intl';
import {
  FormFeedback,
  PendingButton,
  SelectField,
  TextAreaField,
  TextField,
  useFormKit,
  type Option,
} from '@/components/admin/form-kit.tsx';
import type { partyFormView } from '@/lib/data/admin/parties.ts';
import { createPartyAction, updatePartyAction } from './actions.ts';

type PartyRecord = NonNullable<Awaited<ReturnType<typeof partyFormView>>>;
const FIELDS = ['name', 'shortName', 'slug', 'kind', 'countryCode', 'website', 'description'] as const;

export function PartyForm({ record, kinds }: { record?: PartyRecord; kinds: Option[] }) {
  const t = useTranslations('AdminTaxonomy');
  const kit = useFormKit(record ? updatePartyAction : createPartyAction, 'party');
  return (
    <form action={kit.formAction} className="form" noValidate>
      <FormFeedback kit={kit} conflictFields={FIELDS.map((name) => ({ name, label: t(`party.${name}`) }))} />
      {record && <input type="hidden" name="id" value={record.id} />}
      {record && <input type="hidden" name="version" value={kit.version(record.version)} />}
      <TextField kit={kit} name="name" label={t('party.name')} stored={record?.name} required />
      <div className="inline-fields">
        <TextField kit={kit} name="shortName" label={t('party.shortName')} stored={record?.shortName} />
        <TextField kit={kit} name="slug" label={t('party.slug')} stored={record?.slug} hint={t('slugHint')} required />
      </div>
      <div className="inline-fields">
        <SelectField kit={kit} name="kind" label={t('party.kind')} stored={record?.kind} options={kinds} required />
        <TextField
          kit={kit}
          name="countryCode"
          label={t('party.countryCode')}
          stored={record?.countryCode}
          hint={t('countryCodeHint')}
          required
        />
      </div>
      <TextField kit={kit} name="website" label={t('party.website')} stored={record?.website} type="url" />
      <TextAreaField kit={kit} name="description" label={t('party.description')} stored={record?.description} />
      <PendingButton label={record ? t('save') : t('party.create')} pendingLabel={t('saving')} />
    </form>
  );
}

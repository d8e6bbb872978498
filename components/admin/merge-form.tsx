'use client';

import { useTranslations } from 'next-intl';
import { FormFeedback, PendingButton, SelectField, useFormKit, type FormAction, type Option } from './form-kit.tsx';

/** Merges this party or sector (a duplicate) into the one chosen; the duplicate is archived. */
export function MergeForm({
  action,
  id,
  version,
  options,
  kind,
}: {
  action: FormAction;
  id: string;
  version: number;
  options: Option[];
  kind: 'party' | 'sector';
}) {
  const t = useTranslations('AdminTaxonomy');
  const kit = useFormKit(action, 'merge');
  return (
    <form action={kit.formAction} className="form" noValidate>
      <FormFeedback kit={kit} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={kit.version(version)} />
      <SelectField
        kit={kit}
        name="survivorId"
        label={t(`${kind}.mergeInto`)}
        options={options}
        emptyLabel={t('choose')}
        hint={t(`${kind}.mergeHint`)}
        required
      />
      <PendingButton label={t('merge')} pendingLabel={t('merging')} variant="danger" />
    </form>
  );
}

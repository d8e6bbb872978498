'use client';

import { useTranslations } from 'next-intl';
import { assignAnalystAction } from '@/app/(signed-in)/admin/assignments/actions.ts';
import { FormFeedback, PendingButton, SelectField, useFormKit, type Option } from './form-kit.tsx';

/**
 * Assigns an analyst to an agreement: from the agreement's page (choose the analyst) or from the
 * analyst's page (choose the agreement).
 */
export function AssignForm({
  fixed,
  choose,
  options,
}: {
  fixed: { name: 'agreementId' | 'userId'; value: string };
  choose: 'agreementId' | 'userId';
  options: Option[];
}) {
  const t = useTranslations('Admin');
  const kit = useFormKit(assignAnalystAction, `assign-${fixed.value}`);
  return (
    <form action={kit.formAction} className="form inline-form-row">
      <input type="hidden" name={fixed.name} value={fixed.value} />
      <SelectField
        kit={kit}
        name={choose}
        label={choose === 'userId' ? t('assignAnalyst') : t('assignAgreement')}
        options={options}
        emptyLabel={t('choose')}
        required
      />
      <PendingButton label={t('assign')} pendingLabel={t('assigning')} />
      <FormFeedback kit={kit} />
    </form>
  );
}

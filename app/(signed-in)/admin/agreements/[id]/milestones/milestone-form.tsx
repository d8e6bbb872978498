'use client';

import { useTranslations } from 'next-intl';
import type { ConflictField } from '@/components/forms/conflict-notice.tsx';
import {
  FormFeedback,
  PendingButton,
  SelectField,
  TextAreaField,
  TextField,
  useFormKit,
  type Option,
} from '@/components/admin/form-kit.tsx';
import type { MilestoneFormView } from '@/lib/data/admin/milestones.ts';
import { createMilestoneAction, updateMilestoneAction } from './actions.ts';

export interface MilestoneChoices {
  parties: Option[];
  kinds: Option[];
  frequencies: Option[];
}

const CONFLICT_FIELDS = [
  'title',
  'description',
  'clauseRef',
  'clauseExcerpt',
  'responsiblePartyId',
  'dueOn',
  'weight',
  'kind',
  'frequency',
  'quantityPerPeriod',
  'unit',
  'startsOn',
  'endsOn',
  'baseline',
  'target',
] as const;

/**
 * Every field of every kind is on the form, grouped by kind, so it works without JavaScript; the
 * server keeps only the chosen kind's fields and says which of them are missing.
 */
export function MilestoneForm({
  agreementId,
  record,
  choices,
}: {
  agreementId: string;
  record?: MilestoneFormView;
  choices: MilestoneChoices;
}) {
  const t = useTranslations('AdminMilestones');
  const kit = useFormKit(record ? updateMilestoneAction : createMilestoneAction, 'milestone');
  const party = new Map(choices.parties.map((option) => [option.value, option.label]));
  const conflictFields: ConflictField[] = CONFLICT_FIELDS.map((name) => ({
    name,
    label: t(name),
    ...(name === 'responsiblePartyId' ? { format: (value: unknown) => party.get(String(value)) ?? String(value) } : {}),
  }));
  return (
    <form action={kit.formAction} className="form" noValidate>
      <FormFeedback kit={kit} conflictFields={conflictFields} />
      {record ? (
        <>
          <input type="hidden" name="id" value={record.id} />
          <input type="hidden" name="version" value={kit.version(record.version)} />
        </>
      ) : (
        <input type="hidden" name="agreementId" value={agreementId} />
      )}
      <TextField kit={kit} name="title" label={t('title')} stored={record?.title} required />
      <TextAreaField kit={kit} name="description" label={t('description')} stored={record?.description} rows={3} />
      <div className="inline-fields">
        <TextField kit={kit} name="clauseRef" label={t('clauseRef')} stored={record?.clauseRef} hint={t('clauseRefHint')} />
        <SelectField
          kit={kit}
          name="responsiblePartyId"
          label={t('responsiblePartyId')}
          stored={record?.responsiblePartyId}
          options={choices.parties}
          emptyLabel={t('noResponsibleParty')}
        />
      </div>
      <TextAreaField kit={kit} name="clauseExcerpt" label={t('clauseExcerpt')} stored={record?.clauseExcerpt} rows={3} />
      <div className="inline-fields">
        <TextField kit={kit} name="dueOn" label={t('dueOn')} stored={record?.dueOn} type="date" />
        <TextField
          kit={kit}
          name="weight"
          label={t('weight')}
          stored={record?.weight ?? '1'}
          hint={t('weightHint')}
          inputMode="decimal"
          required
        />
        <SelectField kit={kit} name="kind" label={t('kind')} stored={record?.kind} options={choices.kinds} hint={t('kindHint')} required />
      </div>
      <TextField kit={kit} name="unit" label={t('unit')} stored={record?.unit} hint={t('unitHint')} />
      <fieldset className="fieldset">
        <legend>{t('recurringLegend')}</legend>
        <p className="field-hint">{t('recurringHint')}</p>
        <div className="inline-fields">
          <SelectField
            kit={kit}
            name="frequency"
            label={t('frequency')}
            stored={record?.frequency}
            options={choices.frequencies}
            emptyLabel={t('noFrequency')}
          />
          <TextField
            kit={kit}
            name="quantityPerPeriod"
            label={t('quantityPerPeriod')}
            stored={record?.quantityPerPeriod}
            inputMode="decimal"
          />
          <TextField kit={kit} name="startsOn" label={t('startsOn')} stored={record?.startsOn} type="date" />
          <TextField kit={kit} name="endsOn" label={t('endsOn')} stored={record?.endsOn} type="date" />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('targetLegend')}</legend>
        <p className="field-hint">{t('targetHint')}</p>
        <div className="inline-fields">
          <TextField kit={kit} name="baseline" label={t('baseline')} stored={record?.baseline} inputMode="decimal" />
          <TextField kit={kit} name="target" label={t('target')} stored={record?.target} inputMode="decimal" />
        </div>
      </fieldset>
      <PendingButton label={record ? t('save') : t('create')} pendingLabel={t('saving')} />
    </form>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import type { ConflictField } from '@/components/forms/conflict-notice.tsx';
import { FieldErrors } from '@/components/forms/form-parts.tsx';
import {
  FormFeedback,
  PendingButton,
  SelectField,
  TextAreaField,
  TextField,
  useFormKit,
  type FormKit,
  type Option,
} from '@/components/admin/form-kit.tsx';
import type { AgreementFormView } from '@/lib/data/admin/agreements.ts';
import { createAgreementAction, updateAgreementAction } from './actions.ts';

/** Blank rows offered for new parties and sources, so the form needs no JavaScript to add them. */
const BLANK_ROWS = 2;

export interface AgreementChoices {
  parties: Option[];
  sectors: Option[];
  kinds: Option[];
  statuses: Option[];
  roles: Option[];
  documentKinds: Option[];
}

type Row = Record<string, string>;

/**
 * The rows to render: the stored ones, or after a refusal the submitted ones up to the last one
 * filled in (row numbers must match what was submitted), then the blank rows.
 */
function rowsToShow(kit: FormKit, name: string, stored: Row[], filled: (row: Row) => boolean): Row[] {
  const submitted = kit.submitted?.[name];
  const count = Array.isArray(submitted) ? (submitted as Row[]).findLastIndex(filled) + 1 : stored.length;
  return Array.from({ length: count + BLANK_ROWS }, (_, index) => stored[index] ?? {});
}

function labelOf(options: Option[]) {
  const labels = new Map(options.map((option) => [option.value, option.label]));
  return (value: unknown) => labels.get(String(value)) ?? String(value);
}

function useConflictFields(choices: AgreementChoices): ConflictField[] {
  const t = useTranslations('AdminAgreements');
  const party = labelOf(choices.parties);
  const role = labelOf(choices.roles);
  const sector = labelOf(choices.sectors);
  const list = (items: string[]) => items.sort().join('; ');
  return [
    ...(['slug', 'title', 'signedOn', 'effectiveOn', 'expiresOn', 'summary'] as const).map((name) => ({ name, label: t(name) })),
    { name: 'kind', label: t('kind'), format: labelOf(choices.kinds) },
    { name: 'status', label: t('status'), format: labelOf(choices.statuses) },
    {
      name: 'parties',
      label: t('parties'),
      format: (value) => list((value as Row[]).filter((row) => row.partyId).map((row) => `${party(row.partyId)} (${role(row.role)})`)),
    },
    { name: 'sectors', label: t('sectors'), format: (value) => list((value as string[]).map(sector)) },
  ];
}

export function AgreementForm({ record, choices }: { record?: AgreementFormView; choices: AgreementChoices }) {
  const t = useTranslations('AdminAgreements');
  const kit = useFormKit(record ? updateAgreementAction : createAgreementAction, 'agreement');
  const conflictFields = useConflictFields(choices);
  const parties = rowsToShow(kit, 'parties', record?.parties ?? [], (row) => Boolean(row.partyId));
  const documents = rowsToShow(kit, 'documents', record?.documents ?? [], (row) => Boolean(row.title || row.url || row.publishedOn));
  const sectorErrors = kit.errors('sectors');
  return (
    <form action={kit.formAction} className="form" noValidate>
      <FormFeedback kit={kit} conflictFields={conflictFields} />
      {record && <input type="hidden" name="id" value={record.id} />}
      {record && <input type="hidden" name="version" value={kit.version(record.version)} />}
      <TextField kit={kit} name="title" label={t('title')} stored={record?.title} required />
      <TextField kit={kit} name="slug" label={t('slug')} stored={record?.slug} hint={t('slugHint')} required />
      <div className="inline-fields">
        <SelectField kit={kit} name="kind" label={t('kind')} stored={record?.kind} options={choices.kinds} required />
        <SelectField kit={kit} name="status" label={t('status')} stored={record?.status} options={choices.statuses} required />
      </div>
      <div className="inline-fields">
        <TextField kit={kit} name="signedOn" label={t('signedOn')} stored={record?.signedOn} type="date" />
        <TextField kit={kit} name="effectiveOn" label={t('effectiveOn')} stored={record?.effectiveOn} type="date" />
        <TextField kit={kit} name="expiresOn" label={t('expiresOn')} stored={record?.expiresOn} type="date" />
      </div>
      <TextAreaField kit={kit} name="summary" label={t('summary')} stored={record?.summary} rows={5} />

      <fieldset className="fieldset">
        <legend>{t('parties')}</legend>
        <p className="field-hint">{t('partiesHint')}</p>
        <FieldErrors id="agreement-parties-errors" messages={kit.errors('parties')} />
        {parties.map((row, index) => (
          <div className="inline-fields" key={index}>
            <SelectField
              kit={kit}
              name={`parties[${index}].partyId`}
              label={t('partyN', { n: index + 1 })}
              stored={row.partyId}
              options={choices.parties}
              emptyLabel={t('noParty')}
            />
            <SelectField
              kit={kit}
              name={`parties[${index}].role`}
              label={t('roleN', { n: index + 1 })}
              stored={row.role}
              options={choices.roles}
            />
          </div>
        ))}
      </fieldset>

      <fieldset className="fieldset" aria-describedby={sectorErrors ? 'agreement-sectors-errors' : undefined}>
        <legend>{t('sectors')}</legend>
        <FieldErrors id="agreement-sectors-errors" messages={sectorErrors} />
        <ul className="checkbox-list">
          {choices.sectors.map((sector, index) => (
            <li key={sector.value}>
              <label>
                <input
                  type="checkbox"
                  name={`sectors[${index}]`}
                  value={sector.value}
                  defaultChecked={kit.checked('sectors', sector.value, record?.sectors.includes(sector.value) ?? false)}
                />
                {sector.label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('documents')}</legend>
        <p className="field-hint">{t('documentsHint')}</p>
        {documents.map((row, index) => (
          <div className="inline-fields" key={index}>
            <TextField kit={kit} name={`documents[${index}].title`} label={t('documentTitleN', { n: index + 1 })} stored={row.title} />
            <TextField kit={kit} name={`documents[${index}].url`} label={t('documentUrlN', { n: index + 1 })} stored={row.url} type="url" />
            <SelectField
              kit={kit}
              name={`documents[${index}].kind`}
              label={t('documentKindN', { n: index + 1 })}
              stored={row.kind}
              options={choices.documentKinds}
            />
            <TextField
              kit={kit}
              name={`documents[${index}].publishedOn`}
              label={t('documentDateN', { n: index + 1 })}
              stored={row.publishedOn}
              type="date"
            />
          </div>
        ))}
      </fieldset>

      <PendingButton label={record ? t('save') : t('create')} pendingLabel={t('saving')} />
    </form>
  );
}

'use client';

import { useTranslations } from 'next-intl';

export interface ConflictField {
  name: string;
  label: string;
  /** How to show a stored or submitted value (e.g. a party's name for its id). */
  format?: (value: unknown) => string;
}

function show(value: unknown, field: ConflictField, empty: string) {
  if (value === null || value === undefined || value === '') return empty;
  return field.format ? field.format(value) : String(value);
}

/**
 * Shown when a save was refused because the record changed since the form was loaded: what is
 * stored now next to what the user submitted, for the fields that differ.
 */
export function ConflictNotice({
  fields,
  current,
  submitted,
}: {
  fields: ConflictField[];
  current: Record<string, unknown>;
  submitted: Record<string, unknown>;
}) {
  const t = useTranslations('Forms');
  const differing = fields.filter((field) => show(current[field.name], field, '') !== show(submitted[field.name], field, ''));
  return (
    <section className="form-message form-message-error" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title" className="conflict-title">
        {t('conflictTitle')}
      </h2>
      <p>{t('conflictBody')}</p>
      {differing.length > 0 && (
        <table className="data-table conflict-table">
          <thead>
            <tr>
              <th scope="col">{t('conflictField')}</th>
              <th scope="col">{t('conflictStored')}</th>
              <th scope="col">{t('conflictYours')}</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((field) => (
              <tr key={field.name}>
                <th scope="row">{field.label}</th>
                <td>{show(current[field.name], field, t('empty'))}</td>
                <td>{show(submitted[field.name], field, t('empty'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

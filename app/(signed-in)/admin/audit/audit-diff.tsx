import { getTranslations } from 'next-intl/server';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The keys an event changed, each with its value before → after. */
export async function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = await getTranslations('AdminAudit');
  const old = asRecord(before);
  const now = asRecord(after);
  const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])]
    .sort()
    .filter((key) => JSON.stringify(old[key]) !== JSON.stringify(now[key]));
  if (keys.length === 0) return <p className="muted">{t('noDetails')}</p>;
  return (
    <table className="diff-table">
      <thead>
        <tr>
          <th scope="col">{t('field')}</th>
          <th scope="col">{t('before')}</th>
          <th scope="col">{t('after')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>
              <del>{show(old[key])}</del>
            </td>
            <td>
              <ins>{show(now[key])}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import type { FilePreview, ImportIssue, ImportPreview } from '@/lib/import/types.ts';

/** Issue keys are looked up in the import's messages, then the admin forms', then the shared ones. */
function useIssueMessage() {
  const t = useTranslations('AdminImport');
  const admin = useTranslations('Admin');
  const forms = useTranslations('Forms');
  return (issue: ImportIssue): string => {
    const key = `errors.${issue.key}`;
    if (t.has(key)) return t(key, issue.values ?? {});
    if (admin.has(key)) return admin(key);
    if (forms.has(key)) return forms(key);
    return forms('invalid');
  };
}

function IssueList({ issues, id }: { issues: ImportIssue[]; id?: string }) {
  const message = useIssueMessage();
  return (
    <ul className="field-errors" id={id}>
      {issues.map((issue, index) => (
        <li key={index}>
          {issue.column !== null && (
            <>
              <code>{issue.column}</code>:{' '}
            </>
          )}
          {message(issue)}
        </li>
      ))}
    </ul>
  );
}

function FileTable({ file }: { file: FilePreview }) {
  const t = useTranslations('AdminImport');
  const headingId = `import-${file.kind}`;
  const shownAll = file.rows.length === file.total;
  return (
    <section aria-labelledby={headingId} data-file={file.kind}>
      <h3 id={headingId}>{t(`fileHeading.${file.kind}`)}</h3>
      {file.fileIssues.length > 0 ? (
        <IssueList issues={file.fileIssues} id={`${headingId}-issues`} />
      ) : (
        <>
          <p>
            {t('counts', {
              total: file.total,
              creates: file.creates,
              updates: file.updates,
              unchanged: file.unchanged,
              problemRows: file.problemRows,
              problems: file.problems,
            })}
          </p>
          {!shownAll && <p className="hint">{t('rowsShown', { shown: file.rows.length, total: file.total })}</p>}
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t('columns.row')}
                </th>
                <th scope="col">{t(`columns.slug.${file.kind}`)}</th>
                <th scope="col">{t('columns.title')}</th>
                <th scope="col">{t('columns.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {file.rows.map((row) => (
                <tr key={row.row} data-row={row.row}>
                  <th scope="row" className="numeric">
                    {row.row}
                  </th>
                  <td>
                    <code>{row.slug}</code>
                  </td>
                  <td>{row.title}</td>
                  <td>{row.outcome ? t(`outcome.${row.outcome}`) : <IssueList issues={row.issues} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

export function PreviewTables({ preview }: { preview: ImportPreview }) {
  return preview.files.map((file) => <FileTable key={file.kind} file={file} />);
}

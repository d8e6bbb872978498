import { getTranslations } from 'next-intl/server';
import type { QueryIssue } from '@/lib/validation/public-query.ts';

/** Names each address parameter the page could not use and ignored. */
export async function QueryNotices({ issues }: { issues: readonly QueryIssue[] }) {
  if (issues.length === 0) return null;
  const t = await getTranslations('Query');
  return (
    <div className="query-notice" role="alert">
      <p>{t('ignored')}</p>
      <ul>
        {issues.map((issue) => (
          <li key={issue.parameter}>{issue.message}</li>
        ))}
      </ul>
    </div>
  );
}

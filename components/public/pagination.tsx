import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { pageNumbers } from '@/lib/pagination.ts';

export async function Pagination({ page, totalPages, hrefFor }: { page: number; totalPages: number; hrefFor: (page: number) => string }) {
  if (totalPages <= 1) return null;
  const t = await getTranslations('Pagination');
  return (
    <nav className="pagination" aria-label={t('label')}>
      <ul>
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} rel="prev">
              {t('previous')}
            </Link>
          </li>
        )}
        {pageNumbers(page, totalPages).map((n, index) =>
          n === 'gap' ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <Link href={hrefFor(n)} aria-current={n === page ? 'page' : undefined} aria-label={t('page', { page: n })}>
                {n}
              </Link>
            </li>
          ),
        )}
        {page < totalPages && (
          <li>
            <Link href={hrefFor(page + 1)} rel="next">
              {t('next')}
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

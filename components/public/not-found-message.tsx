import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** The 404 body: names nothing from the request, so nothing hidden can be echoed back. */
export async function NotFoundMessage() {
  const t = await getTranslations('Errors');
  return (
    <>
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundBody')}</p>
      <p>
        <Link href="/">{t('backHome')}</Link>
      </p>
    </>
  );
}

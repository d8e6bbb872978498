import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations('Site');
  return (
    <>
      <header className="site-header">
        <Link href="/" className="brand">{t('name')}</Link>
      </header>
      <main id="main" className="page narrow">{children}</main>
    </>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

const DESCRIPTION_LENGTH = 200;

/** Title, description and Open Graph tags naming what the page is about. */
export async function pageMetadata(title: string, description: string): Promise<Metadata> {
  const t = await getTranslations('Site');
  const short = description.length > DESCRIPTION_LENGTH ? `${description.slice(0, DESCRIPTION_LENGTH - 1).trimEnd()}…` : description;
  return {
    title,
    description: short,
    openGraph: { title, description: short, siteName: t('name'), type: 'website' },
  };
}

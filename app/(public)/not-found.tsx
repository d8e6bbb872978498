import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { errorDocumentStatus } from '@/components/errors/error-document-status.ts';
import { NotFoundMessage } from '@/components/public/not-found-message.tsx';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Errors');
  return { title: t('notFoundTitle'), ...errorDocumentStatus('404') };
}

export default function PublicNotFound() {
  return <NotFoundMessage />;
}

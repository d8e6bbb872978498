import { getTranslations } from 'next-intl/server';
import { FormMessage } from '@/components/forms/form-parts.tsx';

/** The outcome of a form that redirected here (post, redirect, get), from `?notice=…`. */
export async function PageNotice({ notice }: { notice: string | string[] | undefined }) {
  const t = await getTranslations('Admin');
  if (typeof notice !== 'string' || !t.has(`notices.${notice}`)) return null;
  return <FormMessage tone="success">{t(`notices.${notice}`)}</FormMessage>;
}

import { getRequestConfig } from 'next-intl/server';
import { defaultLocale } from './config.ts';

export default getRequestConfig(async () => {
  const locale = defaultLocale;
  return {
    locale,
    timeZone: 'UTC',
    messages: (await import(`../messages/${locale}/index.ts`)).default,
  };
});

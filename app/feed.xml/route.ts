import { getFormatter, getTranslations } from 'next-intl/server';
import { cacheableResponse } from '@/lib/api/responses.ts';
import { getLatestUpdates } from '@/lib/data/public-cache.ts';
import { buildAtomFeed } from '@/lib/feed/atom.ts';
import { defaultLocale } from '@/i18n/config.ts';
import { siteOrigin } from '@/lib/http/site-url.ts';

const FEED_ENTRIES = 50;

export async function GET(request: Request) {
  const [t, tStatus, format, updates] = await Promise.all([
    getTranslations({ locale: defaultLocale, namespace: 'Feed' }),
    getTranslations({ locale: defaultLocale, namespace: 'ProgressStatus' }),
    getFormatter({ locale: defaultLocale }),
    getLatestUpdates({ kind: 'all' }, null, FEED_ENTRIES),
  ]);
  const xml = buildAtomFeed(siteOrigin(), updates, {
    title: t('title'),
    subtitle: t('subtitle'),
    entryTitle: (update) => t('entryTitle', { agreement: update.agreement.title, milestone: update.milestone.title }),
    entryLead: (update) =>
      t('entryLead', {
        side: update.side?.shortName ?? update.side?.name ?? t('independent'),
        status: tStatus(update.status),
        observed: format.dateTime(new Date(`${update.observedOn}T00:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }),
      }),
    evidenceHeading: t('evidence'),
    independent: t('independent'),
  });
  // Its links carry the address the reader used: a shared cache keeps one copy per address.
  return cacheableResponse(request, xml, 'application/atom+xml; charset=utf-8', {
    Vary: 'Accept-Encoding, Host, X-Forwarded-Host, X-Forwarded-Proto',
  });
}

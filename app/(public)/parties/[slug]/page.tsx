import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { pageMetadata } from '@/components/public/page-metadata.ts';
import { ScopePage } from '@/components/public/scope-page.tsx';
import { getParties } from '@/lib/data/public-cache.ts';
import { withoutEmptyParameters } from '@/lib/urls.ts';
import { parseQuery, ScopePageQuerySchema, type SearchParams } from '@/lib/validation/public-query.ts';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

async function findParty(slug: string) {
  return (await getParties()).find((party) => party.slug === slug) ?? null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const party = await findParty((await params).slug);
  if (!party) return {};
  const t = await getTranslations('Scope');
  return pageMetadata(party.name, party.description || t('partyDescription', { name: party.name }));
}

export default async function PartyPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const clean = withoutEmptyParameters(`/parties/${slug}`, query);
  if (clean) redirect(clean);
  const party = await findParty(slug);
  if (!party) notFound();
  const { data, issues } = parseQuery(ScopePageQuerySchema, query);
  const [t, tKind, locale] = await Promise.all([getTranslations('Scope'), getTranslations('PartyKind'), getLocale()]);
  const country = new Intl.DisplayNames([locale], { type: 'region' }).of(party.countryCode) ?? party.countryCode;
  const facts = (
    <p className="meta">
      {tKind(party.kind)} · {t('country', { country })}
      {party.website && (
        <>
          {' · '}
          <a href={party.website} rel="noopener noreferrer">
            {t('website')}
          </a>
        </>
      )}
    </p>
  );
  return <ScopePage kind="party" entity={party} facts={facts} asOf={data.asOf ?? null} page={data.page} issues={issues} />;
}

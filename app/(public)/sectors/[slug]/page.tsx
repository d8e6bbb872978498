import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { pageMetadata } from '@/components/public/page-metadata.ts';
import { ScopePage } from '@/components/public/scope-page.tsx';
import { getSectors } from '@/lib/data/public-cache.ts';
import { withoutEmptyParameters } from '@/lib/urls.ts';
import { parseQuery, ScopePageQuerySchema, type SearchParams } from '@/lib/validation/public-query.ts';

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

async function findSector(slug: string) {
  return (await getSectors()).find((sector) => sector.slug === slug) ?? null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const sector = await findSector((await params).slug);
  if (!sector) return {};
  const t = await getTranslations('Scope');
  return pageMetadata(sector.name, sector.description || t('sectorDescription', { name: sector.name }));
}

export default async function SectorPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const clean = withoutEmptyParameters(`/sectors/${slug}`, query);
  if (clean) redirect(clean);
  const sector = await findSector(slug);
  if (!sector) notFound();
  const { data, issues } = parseQuery(ScopePageQuerySchema, query);
  return <ScopePage kind="sector" entity={sector} asOf={data.asOf ?? null} page={data.page} issues={issues} />;
}

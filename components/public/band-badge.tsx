import { getTranslations } from 'next-intl/server';
import type { Band } from '@/lib/scoring/index.ts';

export async function BandBadge({ band }: { band: Band | null }) {
  const t = await getTranslations('Band');
  if (band === null) return null;
  return <span className={`band band-${band.toLowerCase()}`}>{t(band)}</span>;
}

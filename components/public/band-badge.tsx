import type { Band } from '@/lib/scoring/index.ts';

/** A score's band as a coloured label; synchronous, since tables repeat it on every row. */
export function BandBadge({ band, label }: { band: Band; label: string }) {
  return <span className={`band band-${band.toLowerCase()}`}>{label}</span>;
}

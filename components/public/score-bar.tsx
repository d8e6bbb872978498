import type { Band } from '@/lib/scoring/index.ts';

/**
 * A decorative bar for a score whose number is printed beside it: SVG attributes, no inline styles,
 * and as little markup as possible, since tables repeat it on every row (the track is the SVG's background).
 */
export function ScoreBar({ score, band }: { score: number | null; band: Band | null }) {
  const width = Math.round(Math.max(0, Math.min(100, score ?? 0)));
  return (
    <svg className="score-bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
      <rect className={`bar-${(band ?? 'NOT_INITIATED').toLowerCase()}`} width={width} height="1" />
    </svg>
  );
}

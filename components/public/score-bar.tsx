import type { Band } from '@/lib/scoring/index.ts';

/** A decorative bar for a score whose number is printed beside it; SVG attributes, no inline styles. */
export function ScoreBar({ score, band }: { score: number | null; band: Band | null }) {
  const width = Math.max(0, Math.min(100, score ?? 0));
  return (
    <svg className="score-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="score-bar-track" width="100" height="8" rx="2" />
      <rect className={`score-bar-fill bar-${(band ?? 'NOT_INITIATED').toLowerCase()}`} width={width} height="8" rx="2" />
    </svg>
  );
}

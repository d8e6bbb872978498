import { getFormatter, getTranslations } from 'next-intl/server';
import type { Band } from '@/lib/scoring/index.ts';
import { BandBadge } from './band-badge.tsx';
import { formatScore } from './format.ts';
import { ScoreBar } from './score-bar.tsx';

/** The headline score of an agreement, sector, party or the relationship, with its band. */
export async function ScoreFigure({ label, score, band, note }: { label: string; score: number | null; band: Band | null; note?: string }) {
  const [format, t, tBand] = await Promise.all([getFormatter(), getTranslations('Summary'), getTranslations('Band')]);
  return (
    <div className="score-figure">
      <p className="score-figure-label">{label}</p>
      <p className="score-figure-value">
        <span className="score-number">{score === null ? t('noScore') : formatScore(format, score)}</span>{' '}
        {band && <BandBadge band={band} label={tBand(band)} />}
      </p>
      <ScoreBar score={score} band={band} />
      {note && <p className="muted">{note}</p>}
    </div>
  );
}

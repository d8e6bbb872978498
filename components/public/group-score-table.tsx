import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { GroupScore } from '@/lib/data/public-summary.ts';
import { withAsOf } from '@/lib/urls.ts';
import { BandBadge } from './band-badge.tsx';
import { formatScore } from './format.ts';
import { ScoreBar } from './score-bar.tsx';

/** Scores of sectors or parties: a table is the chart's text equivalent and the chart itself. */
export async function GroupScoreTable({
  caption,
  groups,
  basePath,
  asOf,
}: {
  caption: string;
  groups: GroupScore[];
  basePath: '/sectors' | '/parties';
  asOf: string | null;
}) {
  const [format, t, tBand] = await Promise.all([getFormatter(), getTranslations('Summary'), getTranslations('Band')]);
  return (
    <table className="data-table group-scores">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('name')}</th>
          <th scope="col" className="numeric">
            {t('agreements')}
          </th>
          <th scope="col" className="numeric">
            {t('score')}
          </th>
          <th scope="col">{t('band')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.slug}>
            <th scope="row">
              <Link href={withAsOf(`${basePath}/${group.slug}`, asOf)}>{group.shortName ?? group.name}</Link>
            </th>
            <td className="numeric">{format.number(group.agreementCount)}</td>
            <td className="numeric score-cell">
              <span>{formatScore(format, group.score)}</span>
              <ScoreBar score={group.score} band={group.band} />
            </td>
            <td>
              {group.band ? <BandBadge band={group.band} label={tBand(group.band)} /> : <span className="muted">{t('notCounted')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

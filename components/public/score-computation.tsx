import { getFormatter, getTranslations } from 'next-intl/server';
import type { MilestoneView } from '@/lib/data/public-agreement-detail.ts';
import { formatQuantity, formatScore } from './format.ts';

/** How the agreement's score follows from its milestones: the weighted mean, shown term by term. */
export async function ScoreComputation({ milestones, score }: { milestones: MilestoneView[]; score: number }) {
  const [format, t] = await Promise.all([getFormatter(), getTranslations('Agreement')]);
  const counted = milestones.filter((milestone) => milestone.counted);
  const totalWeight = counted.reduce((sum, milestone) => sum + milestone.weight, 0);
  return (
    <table className="data-table compact computation">
      <caption>{t('computationCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('milestone')}</th>
          <th scope="col" className="numeric">
            {t('milestoneScore')}
          </th>
          <th scope="col" className="numeric">
            {t('weight')}
          </th>
          <th scope="col" className="numeric">
            {t('share')}
          </th>
        </tr>
      </thead>
      <tbody>
        {milestones.map((milestone) => (
          <tr key={milestone.id}>
            <th scope="row">{milestone.title}</th>
            <td className="numeric">{formatScore(format, milestone.score)}</td>
            <td className="numeric">{formatQuantity(format, milestone.weight)}</td>
            <td className="numeric">
              {milestone.counted && totalWeight > 0
                ? formatScore(format, (milestone.weight * milestone.score) / totalWeight)
                : t('excluded')}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('total')}</th>
          <td />
          <td className="numeric">{formatQuantity(format, totalWeight)}</td>
          <td className="numeric">{formatScore(format, score)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

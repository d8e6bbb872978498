import { getFormatter, getTranslations } from 'next-intl/server';
import type { MilestoneView } from '@/lib/data/public-agreement-detail.ts';
import { formatDay, formatScore } from './format.ts';

/** Where both sides' analysts assessed a milestone: each side's latest verified view and the gap. */
export async function SideAssessments({
  sides,
  milestoneTitle,
  updateAnchor,
}: {
  sides: NonNullable<MilestoneView['sides']>;
  milestoneTitle: string;
  updateAnchor: (id: string) => string;
}) {
  const [format, t, tStatus] = await Promise.all([getFormatter(), getTranslations('Milestone'), getTranslations('ProgressStatus')]);
  return (
    <div className="sides">
      <table className="data-table compact">
        <caption>{t('sidesCaption', { title: milestoneTitle })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('side')}</th>
            <th scope="col">{t('assessedOn')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col" className="numeric">
              {t('impliedScore')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sides.assessments.map((assessment) => (
            <tr key={assessment.side.slug}>
              <th scope="row">{assessment.side.shortName ?? assessment.side.name}</th>
              <td>
                <a href={updateAnchor(assessment.updateId)}>{formatDay(format, assessment.observedOn)}</a>
              </td>
              <td>{tStatus(assessment.status)}</td>
              <td className="numeric">{formatScore(format, assessment.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="gap">{t('gap', { points: format.number(sides.gap, { maximumFractionDigits: 0 }) })}</p>
    </div>
  );
}

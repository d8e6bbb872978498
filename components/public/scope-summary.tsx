import { getTranslations } from 'next-intl/server';
import type { PublicSummary } from '@/lib/data/public-summary.ts';
import { DeadlineList } from './deadline-list.tsx';
import { LatestUpdates } from './latest-updates.tsx';
import { ScoreFigure } from './score-figure.tsx';
import { ScoreHistoryChart } from './score-history-chart.tsx';
import { StatusCounts } from './status-counts.tsx';

/** The summary the dashboard shows for the relationship and sector and party pages for themselves. */
export async function ScopeSummary({
  summary,
  scoreLabel,
  chartTitle,
}: {
  summary: PublicSummary;
  scoreLabel: string;
  chartTitle: string;
}) {
  const t = await getTranslations('Summary');
  const { asOf } = summary;
  return (
    <>
      <section className="summary-grid" aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="visually-hidden">
          {t('heading')}
        </h2>
        <ScoreFigure
          label={scoreLabel}
          score={summary.score}
          band={summary.band}
          note={t('countedNote', { counted: summary.counted, total: summary.agreementCount })}
        />
        <div className="panel">
          <h3>{t('byStatus')}</h3>
          <StatusCounts counts={summary.statusCounts} />
        </div>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{chartTitle}</h2>
        <ScoreHistoryChart id="score-history" title={chartTitle} series={summary.history} />
      </section>

      <section aria-labelledby="deadlines-heading">
        <h2 id="deadlines-heading">{t('deadlines')}</h2>
        <div className="deadline-grid">
          <DeadlineList
            id="overdue-heading"
            heading={t('overdue')}
            count={summary.overdue.count}
            items={summary.overdue.items}
            empty={t('noneOverdue')}
            asOf={asOf}
          />
          <DeadlineList
            id="due-soon-heading"
            heading={t('dueSoon', { days: summary.dueSoon.days })}
            count={summary.dueSoon.count}
            items={summary.dueSoon.items}
            empty={t('noneDueSoon', { days: summary.dueSoon.days })}
            asOf={asOf}
          />
        </div>
      </section>

      <section aria-labelledby="updates-heading">
        <h2 id="updates-heading">{t('latestUpdates')}</h2>
        <LatestUpdates updates={summary.latestUpdates} asOf={asOf} />
      </section>
    </>
  );
}

import { getFormatter, getTranslations } from 'next-intl/server';
import { DEFAULT_BOX, lineChartGeometry, yearTickIndexes } from '@/lib/charts/line-chart.ts';
import type { MonthScore } from '@/lib/scoring/aggregates.ts';
import { formatMonth, formatScore } from './format.ts';

/**
 * Month-end scores as an accessible SVG line chart. Its text equivalent is the sentence beneath it
 * and a table of the score at the end of each year (and of the last month): a month-by-month table
 * would outweigh the rest of the page (the API has every month of the relationship and of each agreement).
 */
export async function ScoreHistoryChart({ id, title, series }: { id: string; title: string; series: MonthScore[] }) {
  const [format, t] = await Promise.all([getFormatter(), getTranslations('Charts')]);
  if (series.length === 0) return <p className="muted">{t('noHistory')}</p>;

  const months = series.map((point) => point.month);
  const geometry = lineChartGeometry(
    series.map((point) => ({ label: point.month, value: point.score })),
    yearTickIndexes(months),
  );
  const scored = series.filter((point): point is { month: string; score: number } => point.score !== null);
  const first = scored[0];
  const last = scored.at(-1);
  const highest = scored.reduce<typeof first>((best, point) => (best && best.score >= point.score ? best : point), undefined);
  const description =
    first && last && highest
      ? t('historyDescription', {
          from: formatMonth(format, first.month),
          to: formatMonth(format, last.month),
          first: formatScore(format, first.score),
          last: formatScore(format, last.score),
          highest: formatScore(format, highest.score),
          highestMonth: formatMonth(format, highest.month),
        })
      : t('noHistory');
  const { width, height, left, right, bottom } = DEFAULT_BOX;
  const yearEnds = series.filter((point, index) => series[index + 1]?.month.slice(0, 4) !== point.month.slice(0, 4));

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        direction="ltr"
        focusable="false"
      >
        <title id={`${id}-title`}>{title}</title>
        {geometry.yTicks.map((tick) => (
          <g key={tick.value}>
            <line className="chart-grid" x1={left} x2={width - right} y1={tick.y} y2={tick.y} />
            <text className="chart-label" x={left - 6} y={tick.y + 4} textAnchor="end">
              {formatScore(format, tick.value)}
            </text>
          </g>
        ))}
        {geometry.xTicks.map((tick) => (
          <text key={tick.index} className="chart-label" x={tick.x} y={height - bottom + 18} textAnchor="middle">
            {months[tick.index]!.slice(0, 4)}
          </text>
        ))}
        <path className="chart-line" d={geometry.path} />
        {geometry.last && <circle className="chart-dot" cx={geometry.last.x} cy={geometry.last.y} r="4" />}
      </svg>
      <figcaption id={`${id}-desc`} className="muted">
        {description}
      </figcaption>
      <details className="chart-data">
        <summary>{t('showTable')}</summary>
        <table className="data-table compact">
          <caption className="visually-hidden">{t('tableCaption', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('month')}</th>
              <th scope="col" className="numeric">
                {t('score')}
              </th>
            </tr>
          </thead>
          <tbody>
            {yearEnds.map((point) => (
              <tr key={point.month}>
                <th scope="row">{formatMonth(format, point.month)}</th>
                <td className="numeric">{formatScore(format, point.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

import { getFormatter, getTranslations } from 'next-intl/server';
import type { MilestoneView } from '@/lib/data/public-agreement-detail.ts';
import { formatDay, formatQuantity } from './format.ts';

/** A recurring obligation's page ledger shows the latest periods (page weight); the API returns every one. */
export const LEDGER_PAGE_PERIODS = 24;

/** What the ledger shows of a recurring obligation (the public and the workspace views both have it). */
export type LedgerMilestone = Pick<
  MilestoneView,
  'title' | 'ledger' | 'compliance' | 'unit' | 'frequency' | 'quantityPerPeriod' | 'startsOn' | 'endsOn'
>;

/** Expected against delivered quantities per period, with the compliance rate over elapsed periods. */
export async function RecurringLedger({ milestone }: { milestone: LedgerMilestone }) {
  const [format, t, tState, tFrequency] = await Promise.all([
    getFormatter(),
    getTranslations('Milestone'),
    getTranslations('LedgerState'),
    getTranslations('PerPeriod'),
  ]);
  const ledger = milestone.ledger ?? [];
  const shown = ledger.slice(-LEDGER_PAGE_PERIODS);
  const { compliance } = milestone;
  const unit = milestone.unit ?? '';
  return (
    <div className="ledger">
      <p>
        {t('schedule', {
          quantity: formatQuantity(format, milestone.quantityPerPeriod ?? 0),
          unit,
          frequency: milestone.frequency ? tFrequency(milestone.frequency) : '',
        })}
        {milestone.startsOn && ` ${t('scheduleFrom', { date: formatDay(format, milestone.startsOn) })}`}
        {milestone.endsOn && ` ${t('scheduleUntil', { date: formatDay(format, milestone.endsOn) })}`}
      </p>
      {compliance && (
        <p className="compliance">
          {compliance.rate === null
            ? t('complianceNone')
            : t('compliance', {
                delivered: formatQuantity(format, compliance.delivered),
                expected: formatQuantity(format, compliance.expected),
                unit,
                rate: format.number(compliance.rate, { style: 'percent', maximumFractionDigits: 0 }),
              })}
        </p>
      )}
      {shown.length > 0 && (
        <details className="ledger-details" open={shown.length <= 12}>
          <summary>{t('ledgerToggle', { count: ledger.length })}</summary>
          <table className="data-table compact">
            <caption>{t('ledgerCaption', { title: milestone.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('period')}</th>
                <th scope="col" className="numeric">
                  {t('expected')}
                </th>
                <th scope="col" className="numeric">
                  {t('delivered')}
                </th>
                <th scope="col">{t('periodState')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.start} className={`ledger-${row.state.toLowerCase()}`}>
                  <th scope="row">{t('periodRange', { start: formatDay(format, row.start), end: formatDay(format, row.end) })}</th>
                  <td className="numeric">{formatQuantity(format, row.expected)}</td>
                  <td className="numeric">{formatQuantity(format, row.delivered)}</td>
                  <td>{tState(row.state)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {ledger.length > shown.length && <p className="muted">{t('ledgerTruncated', { shown: shown.length, total: ledger.length })}</p>}
        </details>
      )}
    </div>
  );
}

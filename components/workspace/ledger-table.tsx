import { getFormatter, getTranslations } from 'next-intl/server';
import type { LedgerRow } from '@/lib/scoring/index.ts';

/** Expected against delivered quantities per period of a recurring obligation. */
export async function LedgerTable({ rows, unit }: { rows: LedgerRow[]; unit: string }) {
  const [t, state, format] = await Promise.all([getTranslations('Workspace'), getTranslations('LedgerState'), getFormatter()]);
  const period = (row: LedgerRow) =>
    format.dateTimeRange(new Date(`${row.start}T00:00:00Z`), new Date(`${row.end}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <table className="data-table ledger">
      <caption>{t('ledgerHeading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ledgerPeriod')}</th>
          <th scope="col" className="numeric">{t('ledgerExpected')}</th>
          <th scope="col" className="numeric">{t('ledgerDelivered')}</th>
          <th scope="col">{t('ledgerState')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.start}>
            <th scope="row">{period(row)}</th>
            <td className="numeric">{format.number(row.expected)} {unit}</td>
            <td className="numeric">{format.number(row.delivered)} {unit}</td>
            <td><span className={`pill ledger-${row.state.toLowerCase()}`}>{state(row.state)}</span></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

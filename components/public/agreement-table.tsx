import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { AgreementListItem } from '@/lib/data/public-agreements.ts';
import { withAsOf } from '@/lib/urls.ts';
import { BandBadge } from './band-badge.tsx';
import { formatDay, formatScore } from './format.ts';
import { ScoreBar } from './score-bar.tsx';

export async function AgreementTable({ caption, items, asOf }: { caption: string; items: AgreementListItem[]; asOf: string | null }) {
  const [format, t, tStatus, tKind, tBand] = await Promise.all([
    getFormatter(),
    getTranslations('AgreementList'),
    getTranslations('LifecycleStatus'),
    getTranslations('AgreementKind'),
    getTranslations('Band'),
  ]);
  return (
    <table className="data-table agreement-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('columnAgreement')}</th>
          <th scope="col">{t('columnStatus')}</th>
          <th scope="col">{t('columnSigned')}</th>
          <th scope="col" className="numeric">
            {t('columnScore')}
          </th>
          <th scope="col">{t('columnBand')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-slug={item.slug}>
            <th scope="row">
              <Link href={withAsOf(`/agreements/${item.slug}`, asOf)}>{item.title}</Link>
              <span className="meta">
                {tKind(item.kind)}
                {item.sectors.length > 0 && ` · ${item.sectors.map((sector) => sector.name).join(', ')}`}
              </span>
            </th>
            <td>{tStatus(item.status)}</td>
            <td>{item.signedOn ? <time dateTime={item.signedOn}>{formatDay(format, item.signedOn)}</time> : t('notSigned')}</td>
            <td className="numeric score-cell">
              <span>{formatScore(format, item.score)}</span>
              <ScoreBar score={item.score} band={item.band} />
            </td>
            <td>
              <BandBadge band={item.band} label={tBand(item.band)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

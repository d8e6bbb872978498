import { getFormatter, getTranslations } from 'next-intl/server';
import { listPublishedAgreements } from '@/lib/data/public-agreements.ts';

export default async function HomePage() {
  const [format, t, tBand, tStatus, agreements] = await Promise.all([
    getFormatter(),
    getTranslations('Home'),
    getTranslations('Band'),
    getTranslations('LifecycleStatus'),
    listPublishedAgreements(),
  ]);
  return (
    <>
      <h1>{t('title')}</h1>
      <h2>{t('agreementsHeading')}</h2>
      {agreements.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('columnAgreement')}</th>
              <th scope="col">{t('columnStatus')}</th>
              <th scope="col" className="numeric">{t('columnScore')}</th>
              <th scope="col">{t('columnBand')}</th>
            </tr>
          </thead>
          <tbody>
            {agreements.map((agreement) => (
              <tr key={agreement.id} data-slug={agreement.slug}>
                <th scope="row">{agreement.title}</th>
                <td>{tStatus(agreement.status)}</td>
                <td className="numeric">{format.number(agreement.score / 100, { style: 'percent', maximumFractionDigits: 0 })}</td>
                <td><span className={`band band-${agreement.band.toLowerCase()}`}>{tBand(agreement.band)}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

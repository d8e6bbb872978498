import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { PublicParty, PublicSector } from '@/lib/data/public-taxonomy.ts';
import { todayIso } from '@/lib/dates.ts';
import { AgreementKind, LifecycleStatus } from '@/lib/generated/prisma/enums.ts';
import { AGREEMENT_SORTS, BANDS, EARLIEST_AS_OF, type AgreementListQueryInput } from '@/lib/validation/public-query.ts';

interface Props {
  query: AgreementListQueryInput;
  sectors: Pick<PublicSector, 'slug' | 'name'>[];
  /** The parties to offer, in order. */
  parties: Pick<PublicParty, 'slug' | 'name'>[];
  /** Whether some parties with agreements are not offered: then the form says where they are. */
  partiesAbridged: boolean;
  years: number[];
}

/** The list's whole state as one GET form: submitting it is the only way to change the view. */
export async function AgreementFilters({ query, sectors, parties, partiesAbridged, years }: Props) {
  const [t, tKind, tStatus, tBand] = await Promise.all([
    getTranslations('AgreementList'), getTranslations('AgreementKind'), getTranslations('LifecycleStatus'), getTranslations('Band'),
  ]);
  return (
    // Keyed by the state it shows: after a client-side navigation its fields must show the new URL's
    // values, not those left in the reused inputs.
    <form key={JSON.stringify(query)} className="filters" method="get" action="/agreements" aria-label={t('filtersLabel')}>
      <div className="field field-wide">
        <label htmlFor="filter-q">{t('search')}</label>
        <input id="filter-q" type="search" name="q" defaultValue={query.q ?? ''} maxLength={200} aria-describedby="filter-q-hint" />
        <span id="filter-q-hint" className="hint">{t('searchHint')}</span>
      </div>
      <div className="field">
        <label htmlFor="filter-sector">{t('sector')}</label>
        <select id="filter-sector" name="sector" defaultValue={query.sector ?? ''}>
          <option value="">{t('any')}</option>
          {sectors.map((sector) => <option key={sector.slug} value={sector.slug}>{sector.name}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-party">{t('party')}</label>
        <select id="filter-party" name="party" defaultValue={query.party ?? ''} aria-describedby={partiesAbridged ? 'filter-party-hint' : undefined}>
          <option value="">{t('any')}</option>
          {parties.map((party) => <option key={party.slug} value={party.slug}>{party.name}</option>)}
        </select>
        {partiesAbridged && (
          <span id="filter-party-hint" className="hint">
            {t.rich('partyHint', { all: (chunks) => <Link href="/parties">{chunks}</Link> })}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="filter-kind">{t('kind')}</label>
        <select id="filter-kind" name="kind" defaultValue={query.kind ?? ''}>
          <option value="">{t('any')}</option>
          {Object.values(AgreementKind).map((kind) => <option key={kind} value={kind}>{tKind(kind)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">{t('status')}</label>
        <select id="filter-status" name="status" defaultValue={query.status ?? ''}>
          <option value="">{t('any')}</option>
          {Object.values(LifecycleStatus).map((status) => <option key={status} value={status}>{tStatus(status)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-year">{t('signedYear')}</label>
        <select id="filter-year" name="signedYear" defaultValue={query.signedYear ? String(query.signedYear) : ''}>
          <option value="">{t('any')}</option>
          {years.map((year) => <option key={year} value={year}>{year}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-band">{t('band')}</label>
        <select id="filter-band" name="band" defaultValue={query.band ?? ''}>
          <option value="">{t('any')}</option>
          {BANDS.map((band) => <option key={band} value={band}>{tBand(band)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-sort">{t('sort')}</label>
        <select id="filter-sort" name="sort" defaultValue={query.sort ?? ''}>
          <option value="">{t('sortDefault')}</option>
          {AGREEMENT_SORTS.map((sort) => <option key={sort} value={sort}>{t(`sortOption.${sort}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-as-of">{t('asOf')}</label>
        <input id="filter-as-of" type="date" name="asOf" defaultValue={query.asOf ?? ''} min={EARLIEST_AS_OF} max={todayIso()} />
      </div>
      <div className="form-actions">
        <button type="submit">{t('apply')}</button>
        <Link href="/agreements">{t('clear')}</Link>
      </div>
    </form>
  );
}

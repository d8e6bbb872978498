import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FilterSelect } from '@/components/forms/filter-select.tsx';
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
    getTranslations('AgreementList'),
    getTranslations('AgreementKind'),
    getTranslations('LifecycleStatus'),
    getTranslations('Band'),
  ]);
  return (
    // Keyed by the state it shows: after a client-side navigation its fields must show the new URL's
    // values, not those left in the reused inputs.
    <form key={JSON.stringify(query)} className="filters" method="get" action="/agreements" aria-label={t('filtersLabel')}>
      <div className="field field-wide">
        <label htmlFor="filter-q">{t('search')}</label>
        <input id="filter-q" type="search" name="q" defaultValue={query.q ?? ''} maxLength={200} aria-describedby="filter-q-hint" />
        <span id="filter-q-hint" className="hint">
          {t('searchHint')}
        </span>
      </div>
      <FilterSelect
        id="filter-sector"
        name="sector"
        label={t('sector')}
        value={query.sector ?? ''}
        emptyLabel={t('any')}
        options={sectors.map((sector) => ({ value: sector.slug, label: sector.name }))}
      />
      <FilterSelect
        id="filter-party"
        name="party"
        label={t('party')}
        value={query.party ?? ''}
        emptyLabel={t('any')}
        options={parties.map((party) => ({ value: party.slug, label: party.name }))}
        hint={partiesAbridged && t.rich('partyHint', { all: (chunks) => <Link href="/parties">{chunks}</Link> })}
      />
      <FilterSelect
        id="filter-kind"
        name="kind"
        label={t('kind')}
        value={query.kind ?? ''}
        emptyLabel={t('any')}
        options={Object.values(AgreementKind).map((kind) => ({ value: kind, label: tKind(kind) }))}
      />
      <FilterSelect
        id="filter-status"
        name="status"
        label={t('status')}
        value={query.status ?? ''}
        emptyLabel={t('any')}
        options={Object.values(LifecycleStatus).map((status) => ({ value: status, label: tStatus(status) }))}
      />
      <FilterSelect
        id="filter-year"
        name="signedYear"
        label={t('signedYear')}
        value={query.signedYear ? String(query.signedYear) : ''}
        emptyLabel={t('any')}
        options={years.map((year) => ({ value: String(year), label: String(year) }))}
      />
      <FilterSelect
        id="filter-band"
        name="band"
        label={t('band')}
        value={query.band ?? ''}
        emptyLabel={t('any')}
        options={BANDS.map((band) => ({ value: band, label: tBand(band) }))}
      />
      <FilterSelect
        id="filter-sort"
        name="sort"
        label={t('sort')}
        value={query.sort ?? ''}
        emptyLabel={t('sortDefault')}
        options={AGREEMENT_SORTS.map((sort) => ({ value: sort, label: t(`sortOption.${sort}`) }))}
      />
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

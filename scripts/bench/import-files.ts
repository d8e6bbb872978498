// Synthetic CSV files for the import benchmark, written with the export's own columns and `toCsv`, so
// they are exactly what an admin would download and import again. Deterministic: row i is always the same.
import { AGREEMENT_CSV_COLUMNS } from '../../lib/csv/agreements.ts';
import { toCsv } from '../../lib/csv/format.ts';
import { MILESTONE_CSV_COLUMNS } from '../../lib/csv/milestones.ts';
import type { AgreementListItem } from '../../lib/data/public-agreements.ts';
import type { MilestoneExportRow } from '../../lib/data/public-export.ts';

const KINDS = ['MOU', 'AGREEMENT', 'TREATY', 'PROTOCOL', 'CONTRACT', 'PROGRAMME'] as const;
const STATUSES = ['SIGNED', 'IN_FORCE', 'COMPLETED', 'SUSPENDED'] as const;
const ROLES = ['SIGNATORY', 'IMPLEMENTING', 'FUNDING', 'OBSERVER'] as const;
const FREQUENCIES = ['WEEKLY', 'MONTHLY', 'QUARTERLY', 'SEMIANNUAL', 'ANNUAL'] as const;

const pick = <T>(items: readonly T[], index: number): T => items[index % items.length]!;
const day = (index: number) =>
  `20${20 + (index % 6)}-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`;

export function importSlug(index: number): string {
  return `bench-import-${String(index).padStart(5, '0')}`;
}

function agreementRow(index: number, revision: number, parties: readonly string[], sectors: readonly string[]): AgreementListItem {
  return {
    id: '',
    slug: importSlug(index),
    title: `Benchmark agreement ${index}: cooperation in ${pick(sectors, index)}`,
    kind: pick(KINDS, index),
    status: pick(STATUSES, index),
    signedOn: day(index),
    effectiveOn: index % 3 ? day(index + 1) : null,
    expiresOn: null,
    summary: `Synthetic agreement ${index}, with "quotes", commas, and a second line.\nRevision ${revision}.`,
    score: 0,
    band: 'NOT_INITIATED',
    sectors: [pick(sectors, index), pick(sectors, index + 3)]
      .filter((slug, i, all) => all.indexOf(slug) === i)
      .map((slug) => ({ slug, name: slug })),
    parties: [0, 1, 2].map((offset) => ({
      slug: pick(parties, index + offset * 7),
      name: '',
      shortName: null,
      role: pick(ROLES, index + offset),
    })),
  };
}

function milestoneRow(index: number, revision: number, agreements: number, parties: readonly string[]): MilestoneExportRow {
  const kind = pick(['ONE_OFF', 'ONE_OFF', 'RECURRING', 'TARGET'] as const, index);
  return {
    agreementSlug: importSlug(index % agreements),
    position: Math.floor(index / agreements),
    title: `Milestone ${index}`,
    description: `What milestone ${index} requires (revision ${revision}).`,
    clauseRef: `Art. ${1 + (index % 9)}`,
    clauseExcerpt: null,
    responsibleParty: index % 2 ? pick(parties, index) : null,
    dueOn: kind === 'ONE_OFF' ? day(index + 2) : null,
    weight: 1 + (index % 3),
    kind,
    frequency: kind === 'RECURRING' ? pick(FREQUENCIES, Math.floor(index / 4)) : null,
    quantityPerPeriod: kind === 'RECURRING' ? 2 : null,
    unit: kind === 'ONE_OFF' ? null : 'units',
    startsOn: kind === 'RECURRING' ? day(index) : null,
    endsOn: null,
    baseline: kind === 'TARGET' ? 0 : null,
    target: kind === 'TARGET' ? 100 + index : null,
    score: 0,
    status: 'NOT_STARTED',
    lastObservedOn: null,
  };
}

/**
 * `agreements` agreement rows and `milestones` milestone rows spread evenly over them. Another
 * `revision` of the same files changes a text in every row, so importing it updates every record.
 */
export function importFiles(options: {
  agreements: number;
  milestones: number;
  revision: number;
  parties: readonly string[];
  sectors: readonly string[];
}) {
  const { revision, parties, sectors } = options;
  const agreementRows = Array.from({ length: options.agreements }, (_, index) => agreementRow(index, revision, parties, sectors));
  const milestoneRows = Array.from({ length: options.milestones }, (_, index) =>
    milestoneRow(index, revision, options.agreements, parties),
  );
  // No rows, no file: a file of only a header is refused.
  return {
    agreements: agreementRows.length ? toCsv(AGREEMENT_CSV_COLUMNS, agreementRows) : '',
    milestones: milestoneRows.length ? toCsv(MILESTONE_CSV_COLUMNS, milestoneRows) : '',
  };
}

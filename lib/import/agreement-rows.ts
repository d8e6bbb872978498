// Agreement rows of an import, checked with the admin form's schema after their sector and party
// slugs are resolved. A slug held by a live agreement makes the row an update of it; otherwise the
// row creates one.
import type { CsvRecord } from '../csv/read.ts';
import { AgreementKind, LifecycleStatus, PartyRole } from '../generated/prisma/enums.ts';
import { AgreementSchema, type AgreementInput } from '../validation/agreement.ts';
import { enumValues } from '../validation/enums.ts';
import { cellIssue, issuesOf, outcomeOf, splitList, type CheckedRow, type Lookups, type Match } from './rows.ts';
import type { ImportIssue, RowOutcome } from './types.ts';

export interface AgreementRecord {
  row: number;
  input: AgreementInput;
  match: Match | null;
  outcome: RowOutcome;
}

const COLUMNS: Record<string, string> = {
  slug: 'slug',
  title: 'title',
  kind: 'kind',
  status: 'status',
  signedOn: 'signed_on',
  effectiveOn: 'effective_on',
  expiresOn: 'expires_on',
  summary: 'summary',
  parties: 'parties',
  sectors: 'sectors',
};

const CHOICES: Record<string, string> = {
  kind: enumValues(AgreementKind).join(', '),
  status: enumValues(LifecycleStatus).join(', '),
  parties: enumValues(PartyRole).join(', '),
};

function resolveSectors(record: CsvRecord, lookups: Lookups, issues: ImportIssue[]): string[] {
  return splitList(record.cells.sectors).flatMap((slug) => {
    const id = lookups.sectors.get(slug);
    if (!id) issues.push(cellIssue(record.row, 'sectors', 'unknownSector', { slug }));
    return id ? [id] : [];
  });
}

/** `slug:ROLE` items; the role is left for the schema to check, like the form's. */
function resolveParties(record: CsvRecord, lookups: Lookups, issues: ImportIssue[]) {
  return splitList(record.cells.parties).flatMap((item) => {
    const colon = item.lastIndexOf(':');
    if (colon <= 0) {
      issues.push(cellIssue(record.row, 'parties', 'partyFormat', { item }));
      return [];
    }
    const slug = item.slice(0, colon).trim();
    const partyId = lookups.parties.get(slug);
    if (!partyId) issues.push(cellIssue(record.row, 'parties', 'unknownParty', { slug }));
    return partyId ? [{ partyId, role: item.slice(colon + 1).trim() }] : [];
  });
}

export function checkAgreementRows(records: readonly CsvRecord[], lookups: Lookups): CheckedRow<AgreementRecord>[] {
  const firstRowOf = new Map<string, number>();
  return records.map((record) => {
    const { cells, row } = record;
    const issues: ImportIssue[] = [];
    const sectors = resolveSectors(record, lookups, issues);
    const parties = resolveParties(record, lookups, issues);
    const parsed = AgreementSchema.safeParse({
      slug: cells.slug,
      title: cells.title,
      kind: cells.kind?.trim(),
      status: cells.status?.trim(),
      signedOn: cells.signed_on,
      effectiveOn: cells.effective_on,
      expiresOn: cells.expires_on,
      summary: cells.summary,
      parties,
      sectors,
    });
    if (!parsed.success) issues.push(...issuesOf(parsed.error, row, COLUMNS, CHOICES));
    const slug = (cells.slug ?? '').trim();
    const first = firstRowOf.get(slug);
    if (first !== undefined) issues.push(cellIssue(row, 'slug', 'duplicateSlug', { first }));
    else if (slug) firstRowOf.set(slug, row);
    const title = (cells.title ?? '').trim();
    if (!parsed.success || issues.length > 0) return { row, slug, title, issues, outcome: null, record: null };
    const match = lookups.agreements.get(slug) ?? null;
    const { documents: _notInTheFormat, slug: _matchedBy, ...incoming } = parsed.data;
    const outcome = outcomeOf(match, incoming);
    return { row, slug, title, issues, outcome, record: { row, input: parsed.data, match, outcome } };
  });
}

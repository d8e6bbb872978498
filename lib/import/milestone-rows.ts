// Milestone rows of an import, checked with the admin form's schema. A row names its agreement by
// slug: one in the same upload or a live one in the register. The export has no milestone key, so
// rows match the live milestones of their agreement by title: the k-th row with a title updates the
// k-th live milestone with that title (in the agreement's order), and rows beyond those create new
// ones. That way an export round-trips even where one agreement has two milestones of the same title.
import type { CsvRecord } from '../csv/read.ts';
import { MilestoneKind, RecurrenceFrequency } from '../generated/prisma/enums.ts';
import { enumValues } from '../validation/enums.ts';
import { MilestoneFieldsSchema, type MilestoneFieldsInput } from '../validation/milestone.ts';
import { cellIssue, issuesOf, outcomeOf, type CheckedRow, type ExistingMilestone, type Lookups } from './rows.ts';
import type { ImportIssue, RowOutcome } from './types.ts';

export interface MilestoneRecord {
  row: number;
  agreementSlug: string;
  /** The live agreement it belongs to; null when the agreement is created by this import. */
  agreementId: string | null;
  fields: MilestoneFieldsInput;
  /** From the file; null keeps an updated milestone's place and puts a new one last. */
  position: number | null;
  match: ExistingMilestone | null;
  outcome: RowOutcome;
}

const COLUMNS: Record<string, string> = {
  title: 'title',
  description: 'description',
  clauseRef: 'clause_ref',
  clauseExcerpt: 'clause_excerpt',
  responsiblePartyId: 'responsible_party',
  dueOn: 'due_on',
  weight: 'weight',
  kind: 'kind',
  frequency: 'frequency',
  quantityPerPeriod: 'quantity_per_period',
  unit: 'unit',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  baseline: 'baseline',
  target: 'target',
};

const CHOICES: Record<string, string> = {
  kind: enumValues(MilestoneKind).join(', '),
  frequency: enumValues(RecurrenceFrequency).join(', '),
};

const MAX_POSITION = 1_000_000;

function parsePosition(cell: string, row: number, issues: ImportIssue[]): number | null {
  const text = cell.trim();
  if (!text) return null;
  if (/^\d+$/.test(text) && Number(text) <= MAX_POSITION) return Number(text);
  issues.push(cellIssue(row, 'position', 'invalidPosition'));
  return null;
}

function resolveAgreement(slug: string, row: number, lookups: Lookups, inFile: ReadonlySet<string>, issues: ImportIssue[]) {
  if (!slug) {
    issues.push(cellIssue(row, 'agreement_slug', 'required'));
    return null;
  }
  const existing = lookups.agreements.get(slug);
  if (!existing && !inFile.has(slug)) issues.push(cellIssue(row, 'agreement_slug', 'unknownAgreement', { slug }));
  return existing?.id ?? null;
}

function resolveParty(slug: string, row: number, lookups: Lookups, issues: ImportIssue[]): string {
  if (!slug) return '';
  const id = lookups.parties.get(slug);
  if (!id) issues.push(cellIssue(row, 'responsible_party', 'unknownParty', { slug }));
  return id ?? '';
}

/** `agreementSlugs`: the slugs of every agreement row of the same upload, valid or not. */
export function checkMilestoneRows(
  records: readonly CsvRecord[],
  lookups: Lookups,
  agreementSlugs: ReadonlySet<string>,
): CheckedRow<MilestoneRecord>[] {
  const seen = new Map<string, number>();
  return records.map(({ row, cells }) => {
    const issues: ImportIssue[] = [];
    const slug = (cells.agreement_slug ?? '').trim();
    const agreementId = resolveAgreement(slug, row, lookups, agreementSlugs, issues);
    const position = parsePosition(cells.position ?? '', row, issues);
    const parsed = MilestoneFieldsSchema.safeParse({
      title: cells.title,
      description: cells.description,
      clauseRef: cells.clause_ref,
      clauseExcerpt: cells.clause_excerpt,
      responsiblePartyId: resolveParty((cells.responsible_party ?? '').trim(), row, lookups, issues),
      dueOn: cells.due_on,
      weight: cells.weight,
      kind: cells.kind?.trim(),
      frequency: cells.frequency?.trim(),
      quantityPerPeriod: cells.quantity_per_period,
      unit: cells.unit,
      startsOn: cells.starts_on,
      endsOn: cells.ends_on,
      baseline: cells.baseline,
      target: cells.target,
    });
    if (!parsed.success) issues.push(...issuesOf(parsed.error, row, COLUMNS, CHOICES));
    const title = (cells.title ?? '').trim();
    if (!parsed.success || issues.length > 0) return { row, slug, title, issues, outcome: null, record: null };
    let match: ExistingMilestone | null = null;
    if (agreementId) {
      const key = `${agreementId}\n${parsed.data.title}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      match = (lookups.milestones.get(agreementId) ?? []).filter((milestone) => milestone.title === parsed.data.title)[occurrence] ?? null;
    }
    const outcome = outcomeOf(match, position === null ? parsed.data : { ...parsed.data, position });
    return {
      row,
      slug,
      title,
      issues,
      outcome,
      record: { row, agreementSlug: slug, agreementId, fields: parsed.data, position, match, outcome },
    };
  });
}

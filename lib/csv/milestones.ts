// The milestone CSV: one row per milestone, referencing its agreement and responsible party by slug.
// `position` orders the milestones within their agreement. The admin import reads exactly these columns.
import type { MilestoneExportRow } from '../data/public-export.ts';
import { roundScore, type CsvColumn } from './format.ts';

export const MILESTONE_CSV_COLUMNS: readonly CsvColumn<MilestoneExportRow>[] = [
  { name: 'agreement_slug', description: 'Slug of the agreement the milestone belongs to.', value: (row) => row.agreementSlug },
  { name: 'position', description: 'Order of the milestone within its agreement (0 first).', value: (row) => row.position },
  { name: 'title', description: 'Title of the milestone.', value: (row) => row.title },
  { name: 'description', description: 'What has to happen.', value: (row) => row.description },
  { name: 'clause_ref', description: 'Clause of the agreement text, such as "Art. 3(a)".', value: (row) => row.clauseRef },
  { name: 'clause_excerpt', description: 'Excerpt of that clause.', value: (row) => row.clauseExcerpt },
  { name: 'responsible_party', description: 'Slug of the party responsible, if any.', value: (row) => row.responsibleParty },
  { name: 'due_on', description: 'Due date (YYYY-MM-DD), if any.', value: (row) => row.dueOn },
  { name: 'weight', description: 'Weight in the agreement score.', value: (row) => row.weight },
  { name: 'kind', description: 'ONE_OFF, RECURRING or TARGET.', value: (row) => row.kind },
  {
    name: 'frequency',
    description: 'Recurring obligations: WEEKLY, MONTHLY, QUARTERLY, SEMIANNUAL or ANNUAL.',
    value: (row) => row.frequency,
  },
  { name: 'quantity_per_period', description: 'Recurring obligations: quantity due each period.', value: (row) => row.quantityPerPeriod },
  { name: 'unit', description: 'Unit of quantities and target values, such as "cargo".', value: (row) => row.unit },
  { name: 'starts_on', description: 'Recurring obligations: first day of the first period.', value: (row) => row.startsOn },
  { name: 'ends_on', description: 'Recurring obligations: last day of the schedule, if any.', value: (row) => row.endsOn },
  { name: 'baseline', description: 'Numeric targets: value at the start.', value: (row) => row.baseline },
  { name: 'target', description: 'Numeric targets: value to reach.', value: (row) => row.target },
  {
    name: 'score',
    description: 'Milestone score 0–100; computed, ignored on import.',
    computed: true,
    value: (row) => roundScore(row.score),
  },
  {
    name: 'status',
    description: 'Status from the latest verified update; computed, ignored on import.',
    computed: true,
    value: (row) => row.status,
  },
  {
    name: 'last_observed_on',
    description: 'Date of the latest verified observation; computed, ignored on import.',
    computed: true,
    value: (row) => row.lastObservedOn,
  },
];

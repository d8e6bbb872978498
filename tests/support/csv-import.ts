// Building CSV files for import tests: a header and rows of cells, written like the export writes them.
import { checkImportAction, runImportAction } from '../../app/(signed-in)/admin/import/actions.ts';
import { IDLE_STATE, type ActionState } from '../../lib/forms/action-state.ts';
import type { ImportPreview } from '../../lib/import/types.ts';

export const AGREEMENT_HEADER = [
  'slug',
  'title',
  'kind',
  'status',
  'signed_on',
  'effective_on',
  'expires_on',
  'summary',
  'sectors',
  'parties',
];
export const MILESTONE_HEADER = [
  'agreement_slug',
  'position',
  'title',
  'description',
  'clause_ref',
  'clause_excerpt',
  'responsible_party',
  'due_on',
  'weight',
  'kind',
  'frequency',
  'quantity_per_period',
  'unit',
  'starts_on',
  'ends_on',
  'baseline',
  'target',
];

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** Rows as objects keyed by column; columns left out are empty. */
export function csvOf(header: readonly string[], rows: readonly Record<string, string>[]): string {
  return (
    [header, ...rows.map((row) => header.map((column) => row[column] ?? ''))].map((cells) => cells.map(quote).join(',')).join('\r\n') +
    '\r\n'
  );
}

/** Submits the check form with the files as a browser uploads them. */
export async function checkFiles(files: { agreements?: string; milestones?: string }): Promise<ActionState> {
  const form = new FormData();
  form.append(
    'agreementsFile',
    new File(files.agreements ? [files.agreements] : [], files.agreements ? 'agreements.csv' : '', { type: 'text/csv' }),
  );
  form.append(
    'milestonesFile',
    new File(files.milestones ? [files.milestones] : [], files.milestones ? 'milestones.csv' : '', { type: 'text/csv' }),
  );
  return checkImportAction(IDLE_STATE, form);
}

export function previewOf(state: ActionState): ImportPreview {
  if (state.status === 'success') return state.data as ImportPreview;
  if (state.status === 'error' && state.error === 'changed') return state.current as ImportPreview;
  throw new Error(`no preview in ${JSON.stringify(state)}`);
}

/** Submits the import form as the preview renders it. */
export async function importChecked(
  preview: ImportPreview,
  change: Partial<Record<'agreementsData' | 'milestonesData' | 'digest', string>> = {},
): Promise<ActionState> {
  const form = new FormData();
  const fields = { agreementsData: preview.data.agreements, milestonesData: preview.data.milestones, digest: preview.digest, ...change };
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return runImportAction(IDLE_STATE, form);
}

/** Every problem of a preview as `row column key` (what applies), file by file. */
export function problemsOf(preview: ImportPreview): Record<string, string[]> {
  return Object.fromEntries(
    preview.files.map((file) => [
      file.kind,
      [...file.fileIssues, ...file.rows.flatMap((row) => row.issues)].map((issue) =>
        [issue.row, issue.column, issue.key].filter((part) => part !== null).join(' '),
      ),
    ]),
  );
}

// Building CSV files for import tests: a header and rows of cells, written like the export writes them.
import { runImportAction } from '../../app/(signed-in)/admin/import/actions.ts';
import { POST } from '../../app/(signed-in)/admin/import/upload/route.ts';
import { getViewer } from '../../lib/auth/session.ts';
import { checkImport } from '../../lib/data/admin/import.ts';
import { importUploadTexts } from '../../lib/data/admin/import-uploads.ts';
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

/** A check's preview, with the upload it previews (what the import form posts back). */
export type CheckedPreview = ImportPreview & { uploadId?: string };

/**
 * Posts the check form's files as a browser uploads them, to the upload route, then previews the
 * upload it answers with as the import page does. Refusals come back as the route's status, or as the
 * field error the page would show.
 */
export async function checkFiles(files: { agreements?: string; milestones?: string }): Promise<ActionState & { httpStatus?: number }> {
  const form = new FormData();
  form.append(
    'agreementsFile',
    new File(files.agreements ? [files.agreements] : [], files.agreements ? 'agreements.csv' : '', { type: 'text/csv' }),
  );
  form.append(
    'milestonesFile',
    new File(files.milestones ? [files.milestones] : [], files.milestones ? 'milestones.csv' : '', { type: 'text/csv' }),
  );
  const response = await uploadForm(form);
  const location = new URL(response.headers.get('location') ?? '/', 'http://localhost:3000');
  if (response.status !== 303 || location.pathname !== '/admin/import') {
    return { status: 'error', error: 'refused', httpStatus: response.status };
  }
  const error = location.searchParams.get('error');
  if (error) return { status: 'error', error: 'invalid', fieldErrors: { [location.searchParams.get('field')!]: [error] } };
  const uploadId = location.searchParams.get('upload')!;
  const viewer = await getViewer();
  const texts = await importUploadTexts(viewer, uploadId);
  if (!texts) throw new Error(`upload ${uploadId} was not stored`);
  return { status: 'success', data: { ...(await checkImport(viewer, texts)), uploadId } };
}

/** A multipart body sent to the upload route as a browser sends it (Content-Length declared). */
export async function uploadForm(form: FormData, headers: Record<string, string> = {}): Promise<Response> {
  const encoded = new Response(form);
  const body = new Uint8Array(await encoded.arrayBuffer());
  return POST(
    new Request('http://localhost:3000/admin/import/upload', {
      method: 'POST',
      headers: {
        'content-type': encoded.headers.get('content-type')!,
        'content-length': String(body.byteLength),
        origin: 'http://localhost:3000',
        host: 'localhost:3000',
        ...headers,
      },
      body,
    }),
  );
}

export function previewOf(state: ActionState): CheckedPreview {
  if (state.status === 'success') return state.data as CheckedPreview;
  if (state.status === 'error' && state.error === 'changed') return state.current as CheckedPreview;
  throw new Error(`no preview in ${JSON.stringify(state)}`);
}

/** Submits the import form as the preview renders it. */
export async function importChecked(
  preview: CheckedPreview,
  change: Partial<Record<'uploadId' | 'digest', string>> = {},
): Promise<ActionState> {
  const form = new FormData();
  const fields = { uploadId: preview.uploadId ?? '', digest: preview.digest, ...change };
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

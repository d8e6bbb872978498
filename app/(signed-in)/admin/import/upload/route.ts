// Step 1 of the CSV import: the files, posted by a plain form (it works without JavaScript). Outside
// the proxy (proxy.ts), so the body streams here unbuffered: the admin is checked before a byte of it
// is read, then each file is read up to its limit and no further.
import { createTranslator } from 'next-intl';
import { defaultLocale } from '@/i18n/config.ts';
import messages from '@/messages/en/index.ts';
import { allowedRole } from '@/lib/auth/authorize.ts';
import { getViewer } from '@/lib/auth/session.ts';
import { storeImportUpload } from '@/lib/data/admin/import-uploads.ts';
import { MAX_IMPORT_UPLOAD_BYTES, readImportUpload } from '@/lib/import/upload.ts';
import { isSameOriginRequest } from '@/lib/http/request-context.ts';

const IMPORT_PAGE = '/admin/import';

function plain(status: number, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' },
  });
}

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });

export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request.headers, request.url)) return plain(403, 'Cross-origin request refused.');
  const viewer = await getViewer();
  if (viewer.kind === 'public') return seeOther(`/sign-in?callbackUrl=${encodeURIComponent(IMPORT_PAGE)}`);
  if (!allowedRole(viewer, 'data:import')) return plain(403, 'Not allowed.');

  // Only the default locale exists; a plain-text answer needs no request-scoped catalog.
  const t = createTranslator({ locale: defaultLocale, messages, namespace: 'AdminImport' });
  const length = request.headers.get('content-length');
  if (length === null || !/^\d+$/.test(length)) return plain(411, 'The upload must declare its length (Content-Length).');
  if (Number(length) > MAX_IMPORT_UPLOAD_BYTES) return plain(413, t('errors.uploadTooLarge'));

  const reading = await readImportUpload(request);
  if (reading.status === 'too-large') return plain(413, `${t(`${reading.field as 'agreementsFile'}.label`)}: ${t('errors.fileTooLarge')}`);
  if (reading.status === 'invalid') return seeOther(`${IMPORT_PAGE}?${new URLSearchParams({ error: reading.key, field: reading.field })}`);
  const id = await storeImportUpload(viewer, reading.texts);
  return seeOther(`${IMPORT_PAGE}?upload=${id}`);
}

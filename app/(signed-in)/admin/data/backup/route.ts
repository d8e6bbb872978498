import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors.ts';
import { getViewer } from '@/lib/auth/session.ts';
import { openBackupStream } from '@/lib/data/admin/backup.ts';

/**
 * GET /admin/data/backup: the whole database as one JSON document (lib/backup/format.ts), for
 * admins only. Reading only: nothing is written, so it needs no cross-origin check.
 */
export async function GET() {
  let stream: ReadableStream<Uint8Array>;
  try {
    stream = await openBackupStream(await getViewer());
  } catch (error) {
    if (error instanceof UnauthenticatedError) return new Response('Sign in as an administrator to download a backup.\n', { status: 401 });
    if (error instanceof ForbiddenError) return new Response('Only administrators may download a backup.\n', { status: 403 });
    throw error;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return new Response(stream, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="ittifaq-backup-${stamp}.json"`,
      'cache-control': 'no-store',
    },
  });
}

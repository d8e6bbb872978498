import 'server-only';
import { authorizeUser } from '../../auth/authorize.ts';
import type { Viewer } from '../../auth/session.ts';
import { getDb } from '../../db.ts';
import type { ImportTexts } from './import.ts';
import { writeTransaction } from '../write-transaction.ts';

/**
 * How long an upload is kept for its import. It stays after the import too (the page that shows the
 * import's result previews it again), until the next upload after that hour drops it.
 */
const KEPT_MINUTES = 60;

const keptSince = () => new Date(Date.now() - KEPT_MINUTES * 60_000);

/** Keeps an admin's checked files for the import step, and drops uploads nobody imported in time. */
export async function storeImportUpload(viewer: Viewer, texts: ImportTexts): Promise<string> {
  const admin = await authorizeUser(viewer, 'data:import');
  return writeTransaction(async (tx) => {
    await tx.importUpload.deleteMany({ where: { createdAt: { lt: keptSince() } } });
    const upload = await tx.importUpload.create({ data: { userId: admin.id, ...texts }, select: { id: true } });
    return upload.id;
  });
}

/** The files of one of the viewer's own uploads, or null when it is unknown, someone else's or expired. */
export async function importUploadTexts(viewer: Viewer, id: string): Promise<ImportTexts | null> {
  const admin = await authorizeUser(viewer, 'data:import');
  return getDb().importUpload.findFirst({
    where: { id, userId: admin.id, createdAt: { gte: keptSince() } },
    select: { agreements: true, milestones: true },
  });
}

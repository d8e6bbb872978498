import 'server-only';
import { forbidden, notFound, redirect } from 'next/navigation';
import { allowedRole } from './authorize.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';
import type { Permission } from './permissions.ts';
import { getViewer, type SignedInViewer } from './session.ts';

/**
 * For pages: the signed-in viewer if the table allows `permission`; otherwise the sign-in page
 * (signed out), two-factor enrolment (an admin who must enrol first) or the 403 page.
 */
export async function requirePage(permission: Permission, path: string): Promise<SignedInViewer> {
  const viewer = await getViewer();
  if (viewer.kind === 'public') redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (!allowedRole(viewer, permission)) {
    if (viewer.mustEnrolTwoFactor) redirect('/account/security');
    forbidden();
  }
  return viewer;
}

/** Runs a page's data load, turning "not found" and "not allowed" into the 404 and 403 pages. */
export async function orPageError<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
}

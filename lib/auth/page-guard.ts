import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { allowedRole } from './authorize.ts';
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

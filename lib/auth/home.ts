import type { Viewer } from './session.ts';

/** Where a viewer lands after signing in (or when visiting the sign-in page while signed in). */
export function homeFor(viewer: Viewer): string {
  if (viewer.kind === 'public') return '/';
  if (viewer.mustEnrolTwoFactor) return '/account/security';
  return viewer.role === 'ADMIN' ? '/admin' : '/workspace';
}

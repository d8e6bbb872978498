// Helpers for tests of admin data functions: a signed-in admin as the data layer sees it.
import { viewerForUser, type SignedInViewer } from '../../lib/auth/session.ts';
import { createUser } from './auth.ts';

export async function adminViewer(): Promise<SignedInViewer> {
  const user = await createUser({ role: 'ADMIN', twoFactor: true });
  const viewer = await viewerForUser(user.id, user.sessionVersion);
  if (viewer.kind !== 'user') throw new Error('the test admin could not be resolved');
  return viewer;
}

export async function analystViewer(partyId: string | null = null): Promise<SignedInViewer> {
  const user = await createUser({ role: 'ANALYST', partyId });
  const viewer = await viewerForUser(user.id, user.sessionVersion);
  if (viewer.kind !== 'user') throw new Error('the test analyst could not be resolved');
  return viewer;
}

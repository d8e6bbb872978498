import 'server-only';
import type { Tx } from '../db-client.ts';
import { getDb } from '../db.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from './errors.ts';
import { conditionsFor, type Facts, type Permission } from './permissions.ts';
import { getViewer, type SignedInViewer, type Viewer } from './session.ts';

/**
 * What an action is about, so the table's conditions can be checked. `updateAuthorId` is the author of
 * `updateId`, and `viewerAssigned` whether the viewer is assigned to `agreementId`, when the caller has
 * already read them (under lock) in the transaction the check guards.
 */
export type Target = { agreementId?: string; milestoneId?: string; updateId?: string; updateAuthorId?: string; viewerAssigned?: boolean };

async function factsFor(viewer: SignedInViewer, needed: readonly string[], target: Target, tx: Tx): Promise<Facts> {
  const facts: Facts = {};
  let agreementId = target.agreementId;
  if (!agreementId && target.milestoneId && needed.includes('assigned')) {
    const milestone = await tx.milestone.findUnique({ where: { id: target.milestoneId }, select: { agreementId: true } });
    if (!milestone) throw new NotFoundError('milestone');
    agreementId = milestone.agreementId;
  }
  if (target.updateAuthorId !== undefined) facts.notAuthor = target.updateAuthorId !== viewer.id;
  const authorship = needed.includes('notAuthor') || needed.includes('author');
  if ((authorship && facts.notAuthor === undefined) || (needed.includes('assigned') && !agreementId && target.updateId)) {
    if (!target.updateId) throw new NotFoundError('progress update');
    const update = await tx.progressUpdate.findUnique({ where: { id: target.updateId }, select: { authorId: true, agreementId: true } });
    if (!update) throw new NotFoundError('progress update');
    facts.notAuthor = update.authorId !== viewer.id;
    agreementId ??= update.agreementId;
  }
  if (facts.notAuthor !== undefined) facts.author = !facts.notAuthor;
  if (target.viewerAssigned !== undefined) facts.assigned = target.viewerAssigned;
  else if (needed.includes('assigned')) {
    if (!agreementId) throw new NotFoundError('agreement');
    const assignment = await tx.assignment.findUnique({
      where: { userId_agreementId: { userId: viewer.id, agreementId } },
      select: { agreementId: true },
    });
    facts.assigned = assignment !== null;
  }
  return facts;
}

/**
 * Checks the permission table for `viewer` on `target`, or throws. Pass the transaction when called
 * inside one, so the facts are read in the same snapshot as the write they guard.
 */
export async function authorize(viewer: Viewer, permission: Permission, target: Target = {}, tx: Tx = getDb()): Promise<Viewer> {
  const conditions = conditionsFor(viewer, permission);
  if (conditions === null) throw viewer.kind === 'public' ? new UnauthenticatedError() : new ForbiddenError(permission);
  if (conditions.length === 0 || viewer.kind === 'public') return viewer;
  const facts = await factsFor(viewer, conditions, target, tx);
  if (!conditions.every((condition) => facts[condition] === true)) throw new ForbiddenError(permission);
  return viewer;
}

/** `authorize` for permissions only signed-in users can hold. */
export async function authorizeUser(
  viewer: Viewer,
  permission: Permission,
  target: Target = {},
  tx: Tx = getDb(),
): Promise<SignedInViewer> {
  const allowed = await authorize(viewer, permission, target, tx);
  if (allowed.kind === 'public') throw new UnauthenticatedError();
  return allowed;
}

/** Role-level check only (no target yet): the first thing every server action does. */
export function allowedRole(viewer: Viewer, permission: Permission): boolean {
  return conditionsFor(viewer, permission) !== null;
}

/** The current request's signed-in viewer, checked against the table. */
export async function requirePermission(permission: Permission, target: Target = {}): Promise<SignedInViewer> {
  return authorizeUser(await getViewer(), permission, target);
}

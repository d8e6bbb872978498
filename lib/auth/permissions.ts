// The permission table: every action in the app, the roles that may perform it, and the conditions
// each role must meet. Server actions, route handlers and data-access functions all check it on the
// server (lib/auth/authorize.ts); what the UI shows or hides is never the check.

export type Role = 'PUBLIC' | 'ANALYST' | 'ADMIN';

export type Condition =
  /** The agreement concerned is assigned to the user. */
  | 'assigned'
  /** The progress update concerned was written by someone else. */
  | 'notAuthor'
  /** The progress update concerned was written by the user. */
  | 'author';

interface Rule {
  /** Roles allowed, each with the conditions it must meet (empty: none). Absent roles are denied. */
  roles: Partial<Record<Role, readonly Condition[]>>;
  /** Still allowed while an admin has not yet enrolled the second factor that admins require. */
  duringEnrolment?: boolean;
}

export const PERMISSIONS = {
  'session:sign-in': { roles: { PUBLIC: [] } },
  /** With a one-time link; the link's token is the credential, checked by the data function. */
  'account:set-password': { roles: { PUBLIC: [], ANALYST: [], ADMIN: [] }, duringEnrolment: true },
  'session:sign-out': { roles: { ANALYST: [], ADMIN: [] }, duringEnrolment: true },
  /** One of the user's own other sessions (the data function only ever touches the user's own). */
  'session:end': { roles: { ANALYST: [], ADMIN: [] }, duringEnrolment: true },
  /** Every session of the user but the current one. */
  'session:end-others': { roles: { ANALYST: [], ADMIN: [] }, duringEnrolment: true },
  'account:two-factor': { roles: { ANALYST: [], ADMIN: [] }, duringEnrolment: true },
  'workspace:view': { roles: { ANALYST: [], ADMIN: [] } },
  'progress:record': { roles: { ANALYST: ['assigned'] } },
  /** Recording a correction that supersedes an earlier update: only its author may. */
  'progress:correct': { roles: { ANALYST: ['assigned', 'author'] } },
  'progress:review': { roles: { ANALYST: ['assigned', 'notAuthor'], ADMIN: ['notAuthor'] } },
  'milestone:edit-details': { roles: { ANALYST: ['assigned'], ADMIN: [] } },
  'admin:view': { roles: { ADMIN: [] } },
  'agreement:manage': { roles: { ADMIN: [] } },
  'milestone:manage': { roles: { ADMIN: [] } },
  'party:manage': { roles: { ADMIN: [] } },
  'sector:manage': { roles: { ADMIN: [] } },
  'user:manage': { roles: { ADMIN: [] } },
  /** Signing a user out everywhere. */
  'user:end-sessions': { roles: { ADMIN: [] } },
  'assignment:manage': { roles: { ADMIN: [] } },
  'audit:read': { roles: { ADMIN: [] } },
  'data:import': { roles: { ADMIN: [] } },
  'data:export': { roles: { ADMIN: [] } },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.hasOwn(PERMISSIONS, value);
}

/** Who is asking, as far as the table is concerned. */
export interface Principal {
  role: Role;
  mustEnrolTwoFactor?: boolean;
}

export type Facts = Partial<Record<Condition, boolean>>;

/** The conditions `principal` must meet for `permission`, or null when its role is denied outright. */
export function conditionsFor(principal: Principal, permission: Permission): readonly Condition[] | null {
  const rule: Rule = PERMISSIONS[permission];
  if (principal.mustEnrolTwoFactor && !rule.duringEnrolment) return null;
  return rule.roles[principal.role] ?? null;
}

/** Whether `principal` may perform `permission`, given the facts about its target. */
export function can(principal: Principal, permission: Permission, facts: Facts = {}): boolean {
  const conditions = conditionsFor(principal, permission);
  return conditions !== null && conditions.every((condition) => facts[condition] === true);
}

// Every server action and every writing route handler, run as each persona: allowed or denied exactly
// as the permission table says, and on denial no row anywhere changes. A server action without a
// permission, or without an entry here, fails this test.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTION_PERMISSION, type ServerAction } from '../../lib/auth/action.ts';
import { can, isPermission, type Facts, type Principal } from '../../lib/auth/permissions.ts';
import { IDLE_STATE, type ActionState } from '../../lib/forms/action-state.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';
import { actAs, createUser, testDb } from '../support/auth.ts';
import { withClient } from '../support/db.ts';
import { redirectTarget, request } from '../support/next-request.ts';

type PersonaName = 'public' | 'analystNotAssigned' | 'analystAssigned' | 'analystOwnUpdate' | 'admin' | 'deactivated';
interface Persona {
  name: PersonaName;
  user: { id: string; sessionVersion: number } | null;
  principal: Principal;
}

interface World {
  agreementId: string;
  /** The recurring milestone (LNG cargoes) of that agreement. */
  milestoneId: string;
  /** Its current version, for forms that carry one. */
  milestoneVersion: () => number;
  /**
   * A pending update written by the "own update" analyst on that agreement. Each action run gets a
   * fresh one, since an allowed review settles it.
   */
  updateId: string;
}

interface Fixture {
  /** Form fields to submit; may depend on the persona (e.g. its own record). */
  form: (world: World) => Record<string, string>;
  /** What the action is about, for the table's conditions. */
  target?: (world: World) => { agreementId?: string; updateId?: string };
}

/** An id no record has. */
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

const FIXTURES: Record<string, Fixture> = {
  'app/(auth)/sign-in/actions.ts#signInAction': { form: () => ({ email: 'matrix@example.org', password: 'not-a-real-password' }) },
  'app/(auth)/sign-in/actions.ts#secondFactorAction': { form: () => ({ code: '000000' }) },
  'app/(auth)/sign-in/actions.ts#signOutAction': { form: () => ({}) },
  'app/(signed-in)/account/security/actions.ts#beginTwoFactorAction': { form: () => ({}) },
  'app/(signed-in)/account/security/actions.ts#confirmTwoFactorAction': { form: () => ({ password: 'not-the-password', code: '000000' }) },
  'app/(signed-in)/account/security/actions.ts#regenerateRecoveryCodesAction': {
    form: () => ({ password: 'not-the-password', code: '000000' }),
  },
  'app/(signed-in)/account/security/actions.ts#disableTwoFactorAction': { form: () => ({ password: 'not-the-password', code: '000000' }) },
  // Ending one of the viewer's own sessions by id (an id no session has: allowed, and nothing to end).
  'app/(signed-in)/account/security/actions.ts#endSessionAction': { form: () => ({ sessionId: MISSING_ID }) },
  'app/(signed-in)/account/security/actions.ts#endOtherSessionsAction': { form: () => ({}) },
  'app/(signed-in)/workspace/actions.ts#recordProgressAction': {
    form: (world) => ({
      milestoneId: world.milestoneId,
      observedOn: '2026-11-02',
      status: 'IN_PROGRESS',
      quantity: '1',
      narrative: 'Cargo discharged.',
      'evidence[0].url': 'https://example.org/notice',
      'evidence[0].title': 'Arrival notice',
      'evidence[0].kind': 'DATASET',
    }),
    target: (world) => ({ agreementId: world.agreementId }),
  },
  'app/(signed-in)/workspace/actions.ts#reviewProgressAction': {
    form: (world) => ({ updateId: world.updateId, decision: 'reject', note: 'Please cite the arrival notice.' }),
    target: (world) => ({ updateId: world.updateId }),
  },
  'app/(signed-in)/workspace/actions.ts#editMilestoneDetailsAction': {
    form: (world) => ({
      milestoneId: world.milestoneId,
      version: String(world.milestoneVersion()),
      description: 'Edited in the matrix',
      dueOn: '2026-12-31',
    }),
    target: (world) => ({ agreementId: world.agreementId }),
  },
  'app/(auth)/set-password/[token]/actions.ts#setPasswordAction': {
    form: () => ({ token: 'no-such-token', password: 'caspian-lng-cargo-2026', passwordConfirmation: 'caspian-lng-cargo-2026' }),
  },
  // Admin fixtures aim at records that do not exist or at a stale version where a success would
  // change the shared world; the admin actions' own tests cover their successes.
  'app/(signed-in)/admin/agreements/actions.ts#createAgreementAction': {
    form: () => ({ slug: 'matrix-agreement', title: 'Matrix agreement', kind: 'MOU', status: 'SIGNED' }),
  },
  'app/(signed-in)/admin/agreements/actions.ts#updateAgreementAction': {
    form: (w) => ({ id: w.agreementId, version: '999', slug: 'lng-supply-socar', title: 'Matrix', kind: 'MOU', status: 'SIGNED' }),
  },
  'app/(signed-in)/admin/agreements/actions.ts#changeAgreementStateAction': {
    form: (w) => ({ id: w.agreementId, version: '999', change: 'unpublish' }),
  },
  'app/(signed-in)/admin/agreements/[id]/milestones/actions.ts#createMilestoneAction': {
    form: () => ({ agreementId: MISSING_ID, title: 'Matrix milestone', weight: '1', kind: 'ONE_OFF' }),
  },
  'app/(signed-in)/admin/agreements/[id]/milestones/actions.ts#updateMilestoneAction': {
    form: () => ({ id: MISSING_ID, version: '1', title: 'Matrix milestone', weight: '1', kind: 'ONE_OFF' }),
  },
  'app/(signed-in)/admin/agreements/[id]/milestones/actions.ts#changeMilestoneStateAction': {
    form: () => ({ id: MISSING_ID, version: '1', change: 'archive' }),
  },
  'app/(signed-in)/admin/agreements/[id]/milestones/actions.ts#moveMilestoneAction': {
    form: () => ({ id: MISSING_ID, version: '1', direction: 'up' }),
  },
  'app/(signed-in)/admin/parties/actions.ts#createPartyAction': {
    form: () => ({ slug: 'matrix-party', name: 'Matrix party', kind: 'COMPANY', countryCode: 'PK' }),
  },
  'app/(signed-in)/admin/parties/actions.ts#updatePartyAction': {
    form: () => ({ id: MISSING_ID, version: '1', slug: 'matrix-party-2', name: 'Matrix party', kind: 'COMPANY', countryCode: 'PK' }),
  },
  'app/(signed-in)/admin/parties/actions.ts#mergePartyAction': {
    form: () => ({ id: MISSING_ID, version: '1', survivorId: seedId('party', 'pakistan') }),
  },
  'app/(signed-in)/admin/sectors/actions.ts#createSectorAction': { form: () => ({ slug: 'matrix-sector', name: 'Matrix sector' }) },
  'app/(signed-in)/admin/sectors/actions.ts#updateSectorAction': {
    form: () => ({ id: MISSING_ID, version: '1', slug: 'matrix-sector-2', name: 'Matrix sector' }),
  },
  'app/(signed-in)/admin/sectors/actions.ts#mergeSectorAction': {
    form: () => ({ id: MISSING_ID, version: '1', survivorId: seedId('sector', 'health') }),
  },
  'app/(signed-in)/admin/users/actions.ts#createUserAction': {
    form: () => ({ name: 'Matrix user', email: 'matrix-new@example.org', role: 'ANALYST' }),
  },
  'app/(signed-in)/admin/users/actions.ts#updateUserAction': {
    form: () => ({ id: MISSING_ID, version: '1', name: 'Matrix', email: 'matrix-edit@example.org', role: 'ANALYST' }),
  },
  'app/(signed-in)/admin/users/actions.ts#changeUserAccountAction': {
    form: () => ({ id: MISSING_ID, version: '1', change: 'deactivate' }),
  },
  'app/(signed-in)/admin/users/actions.ts#endUserSessionsAction': { form: () => ({ id: MISSING_ID }) },
  'app/(signed-in)/admin/assignments/actions.ts#assignAnalystAction': {
    form: (w) => ({ agreementId: w.agreementId, userId: MISSING_ID }),
    target: (w) => ({ agreementId: w.agreementId }),
  },
  'app/(signed-in)/admin/assignments/actions.ts#unassignAnalystAction': {
    form: (w) => ({ agreementId: w.agreementId, userId: MISSING_ID }),
    target: (w) => ({ agreementId: w.agreementId }),
  },
  'app/(signed-in)/admin/audit/actions.ts#verifyAuditChainAction': { form: () => ({}) },
  // No upload has this id: the import has nothing to write.
  'app/(signed-in)/admin/import/actions.ts#runImportAction': { form: () => ({ uploadId: MISSING_ID, digest: '0'.repeat(64) }) },
};

/** Route handlers that accept writes; each must refuse cross-origin requests. */
const WRITING_ROUTES = ['app/api/auth/[...nextauth]/route.ts#POST', 'app/(signed-in)/admin/import/upload/route.ts#POST'];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(process.cwd(), path.join(entry.parentPath, entry.name)));
}

async function serverActionModules() {
  const files = [...(await sourceFiles('app')), ...(await sourceFiles('lib'))];
  const modules: { file: string; exports: Record<string, unknown> }[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    if (/^\s*['"]use server['"]/.test(text)) modules.push({ file, exports: await import(path.resolve(file)) });
  }
  return modules;
}

/** A fingerprint of every row of every table. */
async function databaseFingerprint() {
  return withClient(async (client) => {
    const tables = (
      await client.query(`select tablename from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations' order by 1`)
    ).rows;
    const parts: string[] = [];
    for (const { tablename } of tables) {
      const { rows } = await client.query(
        `select count(*)::int as n, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as h from "${tablename}" t`,
      );
      parts.push(`${tablename}:${rows[0].n}:${rows[0].h}`);
    }
    return parts.join('\n');
  });
}

async function run(action: ServerAction, fields: Record<string, string>): Promise<ActionState> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  try {
    return await action(IDLE_STATE, form);
  } catch (error) {
    if (redirectTarget(error) !== null) return { status: 'success' };
    throw error;
  }
}

const denied = (state: ActionState) => state.status === 'error' && (state.error === 'unauthenticated' || state.error === 'forbidden');

let world: World;
let personas: Persona[];
let freshUpdate: () => Promise<void>;

async function factsFor(persona: Persona, target: { agreementId?: string; updateId?: string }): Promise<Facts> {
  if (!persona.user) return {};
  const db = testDb();
  try {
    const update = target.updateId ? await db.progressUpdate.findUnique({ where: { id: target.updateId } }) : null;
    const agreementId = target.agreementId ?? update?.agreementId;
    const assignment = agreementId
      ? await db.assignment.findUnique({ where: { userId_agreementId: { userId: persona.user.id, agreementId } } })
      : null;
    return { assigned: assignment !== null, notAuthor: update ? update.authorId !== persona.user.id : undefined };
  } finally {
    await db.$disconnect();
  }
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  const agreementId = seedId('agreement', 'lng-supply-socar');
  const db = testDb();
  const pakistan = seedId('party', 'pakistan');
  const [notAssigned, assigned, author, admin, deactivated] = await Promise.all([
    createUser({ role: 'ANALYST', partyId: pakistan }),
    createUser({ role: 'ANALYST', partyId: seedId('party', 'azerbaijan') }),
    createUser({ role: 'ANALYST', partyId: pakistan }),
    createUser({ role: 'ADMIN', twoFactor: true }),
    createUser({ role: 'ANALYST', partyId: pakistan }),
  ]);
  await db.assignment.createMany({ data: [assigned, author, deactivated].map((user) => ({ userId: user.id, agreementId })) });
  const milestone = await db.milestone.findFirstOrThrow({ where: { agreementId, kind: 'RECURRING' }, select: { id: true, version: true } });
  await db.$disconnect();
  let version = milestone.version;
  world = {
    agreementId,
    milestoneId: milestone.id,
    milestoneVersion: () => version,
    updateId: '',
  };
  freshUpdate = async () => {
    const client = testDb();
    const update = await client.progressUpdate.create({
      data: {
        milestoneId: milestone.id,
        agreementId,
        authorId: author.id,
        authorSideId: pakistan,
        observedOn: new Date('2026-11-01'),
        status: 'IN_PROGRESS',
        quantity: 1,
        narrative: 'matrix',
      },
    });
    version = (await client.milestone.findUniqueOrThrow({ where: { id: milestone.id }, select: { version: true } })).version;
    await client.$disconnect();
    world.updateId = update.id;
  };
  personas = [
    { name: 'public', user: null, principal: { role: 'PUBLIC' } },
    { name: 'analystNotAssigned', user: notAssigned, principal: { role: 'ANALYST' } },
    { name: 'analystAssigned', user: assigned, principal: { role: 'ANALYST' } },
    { name: 'analystOwnUpdate', user: author, principal: { role: 'ANALYST' } },
    { name: 'admin', user: admin, principal: { role: 'ADMIN' } },
    // Its cookie stays valid; the account is deactivated after the token is issued (below).
    { name: 'deactivated', user: deactivated, principal: { role: 'PUBLIC' } },
  ];
});

describe('the permission matrix', () => {
  it('covers every server action: each carries a permission from the table and has a fixture here', async () => {
    const found: string[] = [];
    for (const { file, exports } of await serverActionModules()) {
      for (const [name, value] of Object.entries(exports)) {
        const key = `${file}#${name}`;
        found.push(key);
        expect(typeof value, key).toBe('function');
        expect(isPermission((value as Partial<ServerAction>)[ACTION_PERMISSION]), `${key} has no permission`).toBe(true);
        expect(FIXTURES[key], `${key} has no fixture in the permission matrix`).toBeDefined();
      }
    }
    expect(found.sort()).toEqual(Object.keys(FIXTURES).sort());
  });

  it('allows or denies each action for each persona as the table says, changing nothing on denial', async () => {
    const modules = await serverActionModules();
    let checked = 0;
    for (const { file, exports } of modules) {
      for (const [name, value] of Object.entries(exports)) {
        const action = value as ServerAction;
        const fixture = FIXTURES[`${file}#${name}`]!;
        for (const persona of personas) {
          await actAs(persona.user);
          if (persona.name === 'deactivated') {
            const db = testDb();
            await db.user.update({ where: { id: persona.user!.id }, data: { active: false } });
            await db.$disconnect();
          }
          await freshUpdate();
          const target = fixture.target?.(world) ?? {};
          const expected = can(persona.principal, action[ACTION_PERMISSION], await factsFor(persona, target));
          const before = await databaseFingerprint();
          const state = await run(action, fixture.form(world));
          const label = `${file}#${name} as ${persona.name}`;
          expect(denied(state), `${label}: expected ${expected ? 'allowed' : 'denied'}, got ${JSON.stringify(state)}`).toBe(!expected);
          if (!expected) expect(await databaseFingerprint(), `${label} changed rows although denied`).toBe(before);
          if (persona.name === 'deactivated') {
            const db = testDb();
            await db.user.update({ where: { id: persona.user!.id }, data: { active: true } });
            await db.$disconnect();
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBe(Object.keys(FIXTURES).length * personas.length);
  }, 600_000);
});

describe('corrections', () => {
  it('are allowed to the author of the update they supersede only, changing nothing otherwise', async () => {
    const { recordProgressAction } = await import('../../app/(signed-in)/workspace/actions.ts');
    const fixture = FIXTURES['app/(signed-in)/workspace/actions.ts#recordProgressAction']!;
    let checked = 0;
    for (const persona of personas.filter((p) => p.name !== 'deactivated')) {
      await actAs(persona.user);
      await freshUpdate();
      const facts = await factsFor(persona, { updateId: world.updateId });
      const expected = can(persona.principal, 'progress:correct', { ...facts, author: facts.notAuthor === false });
      const before = await databaseFingerprint();
      const state = await run(recordProgressAction, {
        ...fixture.form(world),
        supersedesId: world.updateId,
        correctionReason: 'The cargo count was wrong.',
      });
      const label = `correction as ${persona.name}`;
      expect(denied(state), `${label}: expected ${expected ? 'allowed' : 'denied'}, got ${JSON.stringify(state)}`).toBe(!expected);
      if (!expected) expect(await databaseFingerprint(), `${label} changed rows although denied`).toBe(before);
      checked += expected ? 1 : 0;
    }
    // Exactly one persona, the author, may correct.
    expect(checked).toBe(1);
  });
});

describe('writing route handlers', () => {
  it('are all listed, and refuse cross-origin requests without writing anything', async () => {
    const writing: string[] = [];
    for (const file of await sourceFiles('app')) {
      if (!file.endsWith('route.ts')) continue;
      const handlers = await import(path.resolve(file));
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) if (handlers[method]) writing.push(`${file}#${method}`);
    }
    expect(writing.sort()).toEqual([...WRITING_ROUTES].sort());

    for (const entry of WRITING_ROUTES) {
      const [file, method] = entry.split('#') as [string, string];
      const handler = (await import(path.resolve(file)))[method] as (request: Request, context: unknown) => Promise<Response>;
      const before = await databaseFingerprint();
      const response = await handler(
        new Request('http://localhost:3000/api/auth/callback/credentials', {
          method,
          headers: { origin: 'https://evil.example', host: 'localhost:3000', 'content-type': 'application/x-www-form-urlencoded' },
          body: 'email=analyst.pk%40ittifaq.demo&password=ittifaq-analyst-pk',
        }),
        { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) },
      );
      expect(response.status, entry).toBe(403);
      expect(await databaseFingerprint(), `${entry} wrote on a cross-origin request`).toBe(before);
    }
    request.reset();
  });
});

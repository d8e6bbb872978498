// What a hostile form post gets back and leaves behind: only the fields the action asks for, cut
// short; NUL characters refused at the field, never sent to PostgreSQL (which cannot store them).
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAction } from '../../app/(auth)/sign-in/actions.ts';
import { createSectorAction } from '../../app/(signed-in)/admin/sectors/actions.ts';
import { recordProgressAction } from '../../app/(signed-in)/workspace/actions.ts';
import { parseQuery, AgreementListQuerySchema } from '../../lib/validation/public-query.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';
import { expectNothingWritten, submit } from '../support/actions.ts';
import { actAs, createUser, testDb } from '../support/auth.ts';

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
});

describe('a refused form post', () => {
  it('gets back only the fields its schema declares, each cut to 2,000 characters, before and after the role check', async () => {
    const huge = 'x'.repeat(500_000);
    await actAs(await createUser({ role: 'ANALYST' }));
    const forbidden = await expectNothingWritten(() =>
      submit(createSectorAction, { slug: huge, name: 'Sector', description: huge, unasked: huge, 'nested[0].deep': huge }),
    );
    expect(forbidden).toMatchObject({ status: 'error', error: 'forbidden' });
    const values = (forbidden as { values: Record<string, string> }).values;
    expect(Object.keys(values).sort()).toEqual(['description', 'name', 'slug']);
    expect(values.slug).toHaveLength(2000);
    expect(JSON.stringify(forbidden).length).toBeLessThan(5000);

    await actAs(null);
    const invalid = await submit(signInAction, { email: huge, password: huge, callbackUrl: '/workspace', junk: huge });
    expect(invalid).toMatchObject({ status: 'error', error: 'invalid' });
    expect((invalid as { values: Record<string, string> }).values).toEqual({ email: 'x'.repeat(2000), callbackUrl: '/workspace' });
  });

  it('with a NUL character is refused at the field, writing nothing, instead of failing in PostgreSQL', async () => {
    const db = testDb();
    const analyst = await db.user.findUniqueOrThrow({
      where: { email: 'analyst.pk@ittifaq.demo' },
      select: { id: true, sessionVersion: true },
    });
    await db.$disconnect();
    await actAs(analyst);
    const state = await expectNothingWritten(() =>
      submit(recordProgressAction, {
        milestoneId: seedId('milestone', 'lng-supply-socar:lng-cargoes'),
        observedOn: '2026-11-02',
        status: 'IN_PROGRESS',
        quantity: '1',
        narrative: 'Cargo\u0000 discharged.',
      }),
    );
    expect(state).toMatchObject({ status: 'error', error: 'invalid', fieldErrors: { narrative: ['invalidCharacters'] } });

    await actAs(null);
    expect(await submit(signInAction, { email: 'analyst.pk@ittifaq.demo\u0000', password: 'x' })).toMatchObject({
      status: 'error',
      error: 'invalid',
      fieldErrors: { email: ['invalidCharacters'] },
    });
  });

  it('in a public query names the parameter', () => {
    expect(parseQuery(AgreementListQuerySchema, new URLSearchParams({ q: 'a\u0000b' }), { strict: true }).issues).toEqual([
      { parameter: 'q', message: '"q" must not contain the NUL character.' },
    ]);
  });
});

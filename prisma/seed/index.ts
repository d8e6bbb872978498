// Loads the demonstration data set. Idempotent: every row has a deterministic id derived from its key,
// and rows that already exist are left alone, so seeding twice changes nothing.
import { createHash } from 'node:crypto';
import { appendAudit } from '../../lib/audit/write.ts';
import { hashPassword } from '../../lib/auth/password-hash.ts';
import { createPrismaClient } from '../../lib/db-client.ts';
import { lockAgreement, recomputeScores } from '../../lib/data/scores.ts';
import { AGREEMENTS, DEMO_ACCOUNTS, PARTIES, SECTORS, type AnalystKey } from './demo-data.ts';

/** A stable UUID for a seed key, so reseeding finds the rows it made before. */
export function seedId(kind: string, key: string): string {
  const hex = createHash('sha256').update(`ittifaq-demo:${kind}:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const day = (value: string) => new Date(`${value}T00:00:00Z`);
const optionalDay = (value: string | undefined) => (value ? day(value) : null);
/** Reviews happen mid-morning UTC on the given day. */
const reviewTime = (value: string) => new Date(`${value}T09:30:00Z`);

export async function seedDemo(url: string): Promise<string> {
  const db = createPrismaClient(url);
  try {
    const partyId = (slug: string) => seedId('party', slug);
    const sectorId = (slug: string) => seedId('sector', slug);
    const userId = (key: string) => seedId('user', key);

    const parties = await db.party.createMany({
      data: PARTIES.map((party) => ({ id: partyId(party.slug), ...party })),
      skipDuplicates: true,
    });
    await db.sector.createMany({
      data: SECTORS.map((sector, position) => ({ id: sectorId(sector.slug), ...sector, position })),
      skipDuplicates: true,
    });

    const existingUsers = new Set(
      (await db.user.findMany({ where: { id: { in: DEMO_ACCOUNTS.map((a) => userId(a.key)) } }, select: { id: true } })).map((u) => u.id),
    );
    for (const account of DEMO_ACCOUNTS) {
      if (existingUsers.has(userId(account.key))) continue;
      await db.user.create({
        data: {
          id: userId(account.key),
          email: account.email,
          name: account.name,
          role: account.role,
          partyId: account.party ? partyId(account.party) : null,
          passwordHash: await hashPassword(account.password),
          passwordChangedAt: new Date('2026-01-01T00:00:00Z'),
        },
      });
    }

    let createdAgreements = 0;
    for (const agreement of AGREEMENTS) {
      const id = seedId('agreement', agreement.slug);
      const exists = await db.agreement.findUnique({ where: { id }, select: { id: true } });
      if (exists) continue;
      createdAgreements += 1;
      await db.$transaction(async (tx) => {
        await tx.agreement.create({
          data: {
            id,
            slug: agreement.slug,
            title: agreement.title,
            kind: agreement.kind,
            status: agreement.status,
            signedOn: optionalDay(agreement.signedOn),
            effectiveOn: optionalDay(agreement.effectiveOn),
            expiresOn: optionalDay(agreement.expiresOn),
            summary: agreement.summary,
            publication: agreement.published ? 'PUBLISHED' : 'DRAFT',
            publishedAt: agreement.published ? reviewTime(agreement.signedOn ?? '2026-01-05') : null,
            sectors: { create: agreement.sectors.map((slug) => ({ sectorId: sectorId(slug) })) },
            parties: { create: agreement.parties.map(([slug, role]) => ({ partyId: partyId(slug), role })) },
            sourceDocuments: {
              create: (agreement.documents ?? []).map((doc, position) => ({
                id: seedId('document', `${agreement.slug}:${position}`),
                ...doc,
                publishedOn: optionalDay(doc.publishedOn),
                position,
              })),
            },
            assignments: { create: agreement.assigned.map((key) => ({ userId: userId(key), createdById: userId('admin') })) },
          },
        });
        const reviewerFor = (author: AnalystKey) => {
          const other: AnalystKey = author === 'pk' ? 'az' : 'pk';
          return userId(agreement.assigned.includes(other) ? other : 'admin');
        };
        for (const [position, milestone] of agreement.milestones.entries()) {
          const milestoneId = seedId('milestone', `${agreement.slug}:${milestone.key}`);
          const { updates = [], key: _key, responsible, ...fields } = milestone;
          await tx.milestone.create({
            data: {
              ...fields,
              id: milestoneId,
              agreementId: id,
              position,
              weight: milestone.weight ?? 1,
              responsiblePartyId: responsible ? partyId(responsible) : null,
              dueOn: optionalDay(milestone.dueOn),
              startsOn: optionalDay(milestone.startsOn),
              endsOn: optionalDay(milestone.endsOn),
            },
          });
          for (const update of updates) {
            const author = DEMO_ACCOUNTS.find((account) => account.key === update.by)!;
            await tx.progressUpdate.create({
              data: {
                id: seedId('update', update.key),
                milestoneId,
                agreementId: id,
                authorId: userId(update.by),
                authorSideId: author.party ? partyId(author.party) : null,
                observedOn: day(update.observedOn),
                status: update.status,
                progress: update.progress ?? null,
                quantity: update.quantity ?? null,
                actualValue: update.actualValue ?? null,
                narrative: update.narrative,
                supersedesId: update.supersedes ? seedId('update', update.supersedes) : null,
                correctionReason: update.correctionReason ?? null,
                reviewState: update.review?.state ?? 'PENDING',
                reviewerId: update.review ? reviewerFor(update.by) : null,
                reviewedAt: update.review ? reviewTime(update.review.on) : null,
                reviewNote: update.review?.note ?? null,
                createdAt: reviewTime(update.observedOn),
                evidence: {
                  create: (update.evidence ?? []).map((item, index) => ({
                    id: seedId('evidence', `${update.key}:${index}`),
                    ...item,
                    publisher: item.publisher ?? null,
                    publishedOn: optionalDay(item.publishedOn),
                    position: index,
                  })),
                },
              },
            });
          }
        }
        await lockAgreement(tx, id);
        await recomputeScores(tx, [id]);
      });
    }

    await db.setting.upsert({ where: { key: 'demo_data' }, create: { key: 'demo_data', value: true }, update: {} });
    if (createdAgreements > 0) {
      await db.$transaction((tx) =>
        appendAudit(tx, {
          actorId: null,
          action: 'demo.seed',
          entityType: 'instance',
          entityId: 'demo',
          after: { agreements: createdAgreements, parties: parties.count },
        }),
      );
    }
    return createdAgreements > 0 ? `loaded ${createdAgreements} agreements.` : 'already present; nothing changed.';
  } finally {
    await db.$disconnect();
  }
}

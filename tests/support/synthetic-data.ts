// Generated public agreements for tests that need volume: each with milestones of every kind and
// verified updates. Rows go in with createMany; stored scores and month history are filled in directly.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../lib/db-client.ts';

export interface SyntheticOptions {
  agreements: number;
  milestonesPerAgreement: number;
  updatesPerMilestone: number;
  /** Distinguishes the slugs of successive batches. */
  batch: string;
}

const KINDS = ['ONE_OFF', 'TARGET', 'RECURRING'] as const;

export async function insertSyntheticAgreements(db: Db, options: SyntheticOptions): Promise<string[]> {
  const author = randomUUID();
  await db.user.create({
    data: { id: author, email: `synthetic-${options.batch}@example.org`, name: 'Synthetic analyst', role: 'ANALYST' },
  });
  const [sector, party] = await Promise.all([
    db.sector.create({ data: { slug: `synthetic-${options.batch}`, name: `Synthetic ${options.batch}` } }),
    db.party.create({ data: { slug: `synthetic-${options.batch}`, name: `Synthetic ${options.batch}`, kind: 'STATE', countryCode: 'PK' } }),
  ]);
  const agreements = Array.from({ length: options.agreements }, (_, index) => ({
    id: randomUUID(),
    slug: `synthetic-${options.batch}-${index}`,
    title: `Synthetic agreement ${options.batch} ${index} on cooperation`,
    kind: 'MOU' as const,
    status: 'IN_FORCE' as const,
    signedOn: new Date(Date.UTC(2021, index % 12, 1)),
    summary: 'Generated for a test.',
    searchText: `Synthetic agreement ${index} on cooperation`,
    publication: 'PUBLISHED' as const,
    score: (index * 7) % 100,
  }));
  const milestones = agreements.flatMap((agreement) =>
    Array.from({ length: options.milestonesPerAgreement }, (_, index) => ({
      id: randomUUID(),
      agreementId: agreement.id,
      title: `Milestone ${index}`,
      kind: KINDS[index % 3]!,
      position: index,
      dueOn: new Date(Date.UTC(2022 + (index % 5), 5, 30)),
      responsiblePartyId: party.id,
      ...(index % 3 === 1 ? { baseline: 0, target: 10, unit: 'units' } : {}),
      ...(index % 3 === 2
        ? { frequency: 'MONTHLY' as const, quantityPerPeriod: 1, unit: 'delivery', startsOn: new Date(Date.UTC(2022, 0, 1)) }
        : {}),
    })),
  );
  const updates = milestones.flatMap((milestone) =>
    Array.from({ length: options.updatesPerMilestone }, (_, index) => ({
      id: randomUUID(),
      milestoneId: milestone.id,
      agreementId: milestone.agreementId,
      authorId: author,
      authorSideId: party.id,
      observedOn: new Date(Date.UTC(2022, index, 10)),
      status: 'IN_PROGRESS' as const,
      progress: 10 * (index + 1),
      quantity: 1,
      actualValue: index + 1,
      narrative: `Synthetic progress ${index}`,
      reviewState: 'VERIFIED' as const,
      reviewedAt: new Date(Date.UTC(2022, index, 12)),
    })),
  );
  await db.agreement.createMany({ data: agreements });
  await db.agreementSector.createMany({ data: agreements.map((agreement) => ({ agreementId: agreement.id, sectorId: sector.id })) });
  await db.agreementParty.createMany({
    data: agreements.map((agreement) => ({ agreementId: agreement.id, partyId: party.id, role: 'SIGNATORY' as const })),
  });
  await db.milestone.createMany({ data: milestones });
  await db.progressUpdate.createMany({ data: updates });
  await db.evidence.createMany({
    data: updates.map((update) => ({
      id: randomUUID(),
      updateId: update.id,
      url: 'https://example.org/e',
      title: 'Evidence',
      kind: 'DOCUMENT' as const,
    })),
  });
  await db.agreementScoreMonth.createMany({
    data: agreements.flatMap((agreement) =>
      Array.from({ length: 12 }, (_, month) => ({
        agreementId: agreement.id,
        month: new Date(Date.UTC(2022, month, 1)),
        score: agreement.score,
      })),
    ),
  });
  return agreements.map((agreement) => agreement.id);
}

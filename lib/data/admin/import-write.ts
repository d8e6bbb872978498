import 'server-only';
import { appendAuditEvents, type AuditInput } from '../../audit/write.ts';
import type { Tx } from '../../db-client.ts';
import type { AgreementRecord } from '../../import/agreement-rows.ts';
import type { MilestoneRecord } from '../../import/milestone-rows.ts';
import type { ImportSummary, RowOutcome } from '../../import/types.ts';
import { recomputeScores } from '../scores.ts';
import { newId } from '../ids.ts';
import { agreementSnapshots, uniqueParties } from './agreements.ts';
import type { ImportPlan } from './import.ts';
import { milestoneSnapshots } from './milestones.ts';
import { isoDay } from './shared.ts';

const dayOrNull = (date: Date | null) => isoDay(date) || null;

/** Rows become columns: one array per column, for `unnest`. */
function columns<T, K extends string>(rows: readonly T[], pick: (row: T) => Record<K, unknown>): Record<K, unknown[]> {
  const result = {} as Record<K, unknown[]>;
  for (const row of rows) {
    for (const [key, value] of Object.entries(pick(row)) as [K, unknown][]) (result[key] ??= []).push(value);
  }
  return result;
}

async function updateAgreements(tx: Tx, updates: readonly AgreementRecord[]) {
  if (updates.length === 0) return;
  const c = columns(updates, ({ match, input }) => ({
    id: match!.id,
    title: input.title,
    kind: input.kind,
    status: input.status,
    signedOn: dayOrNull(input.signedOn),
    effectiveOn: dayOrNull(input.effectiveOn),
    expiresOn: dayOrNull(input.expiresOn),
    summary: input.summary,
  }));
  await tx.$executeRaw`
    update agreement a set title = u.title, kind = u.kind::"AgreementKind", status = u.status::"LifecycleStatus",
      signed_on = u.signed_on, effective_on = u.effective_on, expires_on = u.expires_on, summary = u.summary,
      version = a.version + 1, updated_at = now()
    from unnest(${c.id}::uuid[], ${c.title}::text[], ${c.kind}::text[], ${c.status}::text[], ${c.signedOn}::date[],
      ${c.effectiveOn}::date[], ${c.expiresOn}::date[], ${c.summary}::text[])
      as u(id, title, kind, status, signed_on, effective_on, expires_on, summary)
    where a.id = u.id`;
}

async function insertAgreements(tx: Tx, creates: readonly AgreementRecord[], now: Date): Promise<string[]> {
  if (creates.length === 0) return [];
  const ids = creates.map(() => newId(now.getTime()));
  const c = columns(creates, ({ input }) => ({
    slug: input.slug,
    title: input.title,
    kind: input.kind,
    status: input.status,
    signedOn: dayOrNull(input.signedOn),
    effectiveOn: dayOrNull(input.effectiveOn),
    expiresOn: dayOrNull(input.expiresOn),
    summary: input.summary,
  }));
  // The file is in the public export's format, and that export holds published agreements only.
  await tx.$executeRaw`
    insert into agreement (id, slug, title, kind, status, signed_on, effective_on, expires_on, summary, publication, published_at, updated_at)
    select u.id, u.slug, u.title, u.kind::"AgreementKind", u.status::"LifecycleStatus", u.signed_on, u.effective_on, u.expires_on, u.summary,
      'PUBLISHED', ${now}, ${now}
    from unnest(${ids}::uuid[], ${c.slug}::text[], ${c.title}::text[], ${c.kind}::text[], ${c.status}::text[], ${c.signedOn}::date[],
      ${c.effectiveOn}::date[], ${c.expiresOn}::date[], ${c.summary}::text[])
      as u(id, slug, title, kind, status, signed_on, effective_on, expires_on, summary)`;
  return ids;
}

/** The file lists each agreement's parties and sectors in full; its sources are not in the format and stay. */
async function replaceLinks(tx: Tx, records: readonly AgreementRecord[], idOf: (record: AgreementRecord) => string) {
  const updated = records.flatMap((record) => (record.match ? [record.match.id] : []));
  await tx.$executeRaw`delete from agreement_party where agreement_id = any(${updated}::uuid[])`;
  await tx.$executeRaw`delete from agreement_sector where agreement_id = any(${updated}::uuid[])`;
  const parties = records.flatMap((record) => uniqueParties(record.input).map((party) => ({ agreementId: idOf(record), ...party })));
  const sectors = records.flatMap((record) => record.input.sectors.map((sectorId) => ({ agreementId: idOf(record), sectorId })));
  await tx.$executeRaw`
    insert into agreement_party (agreement_id, party_id, role)
    select u.agreement_id, u.party_id, u.role::"PartyRole"
    from unnest(${parties.map((p) => p.agreementId)}::uuid[], ${parties.map((p) => p.partyId)}::uuid[], ${parties.map((p) => p.role)}::text[])
      as u(agreement_id, party_id, role)`;
  await tx.$executeRaw`
    insert into agreement_sector (agreement_id, sector_id)
    select * from unnest(${sectors.map((s) => s.agreementId)}::uuid[], ${sectors.map((s) => s.sectorId)}::uuid[])`;
}

/** Creates and updates the agreements; returns the id of every agreement row's agreement, by slug. */
async function writeAgreements(tx: Tx, records: readonly AgreementRecord[], now: Date): Promise<Map<string, string>> {
  const creates = records.filter((record) => !record.match);
  const createdIds = await insertAgreements(tx, creates, now);
  await updateAgreements(
    tx,
    records.filter((record) => record.match),
  );
  const ids = new Map(creates.map((record, index) => [record.input.slug, createdIds[index]!]));
  for (const record of records) if (record.match) ids.set(record.input.slug, record.match.id);
  await replaceLinks(tx, records, (record) => ids.get(record.input.slug)!);
  return ids;
}

/** New milestones without a position go after every milestone their agreement has, archived ones included. */
async function positionsFor(tx: Tx, records: readonly MilestoneRecord[], agreementIds: Map<string, string>) {
  const existing = [...new Set(records.flatMap((record) => (record.agreementId ? [record.agreementId] : [])))];
  const maxima = await tx.milestone.groupBy({ by: ['agreementId'], where: { agreementId: { in: existing } }, _max: { position: true } });
  const next = new Map(maxima.map((row) => [row.agreementId, (row._max.position ?? -1) + 1]));
  for (const record of records) {
    const id = agreementIds.get(record.agreementSlug)!;
    if (record.position !== null) next.set(id, Math.max(next.get(id) ?? 0, record.position + 1));
  }
  return (record: MilestoneRecord): number => {
    if (record.position !== null) return record.position;
    const id = agreementIds.get(record.agreementSlug)!;
    const position = next.get(id) ?? 0;
    next.set(id, position + 1);
    return position;
  };
}

function milestoneColumns({ fields }: MilestoneRecord) {
  return {
    title: fields.title,
    description: fields.description,
    clauseRef: fields.clauseRef,
    clauseExcerpt: fields.clauseExcerpt,
    partyId: fields.responsiblePartyId,
    dueOn: dayOrNull(fields.dueOn),
    weight: fields.weight,
    kind: fields.kind,
    frequency: fields.frequency,
    quantity: fields.quantityPerPeriod,
    unit: fields.unit,
    startsOn: dayOrNull(fields.startsOn),
    endsOn: dayOrNull(fields.endsOn),
    baseline: fields.baseline,
    target: fields.target,
  };
}

async function updateMilestones(tx: Tx, updates: readonly MilestoneRecord[]) {
  if (updates.length === 0) return;
  const c = columns(updates, (record) => ({ ...milestoneColumns(record), id: record.match!.id, position: record.position }));
  await tx.$executeRaw`
    update milestone m set title = u.title, description = u.description, clause_ref = u.clause_ref, clause_excerpt = u.clause_excerpt,
      responsible_party_id = u.party_id, due_on = u.due_on, weight = u.weight, kind = u.kind::"MilestoneKind",
      frequency = u.frequency::"RecurrenceFrequency", quantity_per_period = u.quantity, unit = u.unit, starts_on = u.starts_on,
      ends_on = u.ends_on, baseline = u.baseline, target = u.target, position = coalesce(u.position, m.position),
      version = m.version + 1, updated_at = now()
    from unnest(${c.id}::uuid[], ${c.title}::text[], ${c.description}::text[], ${c.clauseRef}::text[], ${c.clauseExcerpt}::text[],
      ${c.partyId}::uuid[], ${c.dueOn}::date[], ${c.weight}::float8[], ${c.kind}::text[], ${c.frequency}::text[], ${c.quantity}::float8[],
      ${c.unit}::text[], ${c.startsOn}::date[], ${c.endsOn}::date[], ${c.baseline}::float8[], ${c.target}::float8[], ${c.position}::int[])
      as u(id, title, description, clause_ref, clause_excerpt, party_id, due_on, weight, kind, frequency, quantity, unit, starts_on,
        ends_on, baseline, target, position)
    where m.id = u.id`;
}

async function insertMilestones(
  tx: Tx,
  creates: readonly MilestoneRecord[],
  agreementIds: Map<string, string>,
  now: Date,
): Promise<string[]> {
  if (creates.length === 0) return [];
  const positionOf = await positionsFor(tx, creates, agreementIds);
  const ids = creates.map(() => newId(now.getTime()));
  const c = columns(creates, (record) => ({
    ...milestoneColumns(record),
    agreementId: agreementIds.get(record.agreementSlug)!,
    position: positionOf(record),
  }));
  await tx.$executeRaw`
    insert into milestone (id, agreement_id, title, description, clause_ref, clause_excerpt, responsible_party_id, due_on, weight, position,
      kind, frequency, quantity_per_period, unit, starts_on, ends_on, baseline, target, updated_at)
    select u.id, u.agreement_id, u.title, u.description, u.clause_ref, u.clause_excerpt, u.party_id, u.due_on, u.weight, u.position,
      u.kind::"MilestoneKind", u.frequency::"RecurrenceFrequency", u.quantity, u.unit, u.starts_on, u.ends_on, u.baseline, u.target, ${now}
    from unnest(${ids}::uuid[], ${c.agreementId}::uuid[], ${c.title}::text[], ${c.description}::text[], ${c.clauseRef}::text[],
      ${c.clauseExcerpt}::text[], ${c.partyId}::uuid[], ${c.dueOn}::date[], ${c.weight}::float8[], ${c.position}::int[], ${c.kind}::text[],
      ${c.frequency}::text[], ${c.quantity}::float8[], ${c.unit}::text[], ${c.startsOn}::date[], ${c.endsOn}::date[], ${c.baseline}::float8[],
      ${c.target}::float8[])
      as u(id, agreement_id, title, description, clause_ref, clause_excerpt, party_id, due_on, weight, position, kind, frequency, quantity,
        unit, starts_on, ends_on, baseline, target)`;
  return ids;
}

function count(records: readonly { outcome: RowOutcome }[]) {
  const of = (outcome: RowOutcome) => records.filter((record) => record.outcome === outcome).length;
  return { created: of('create'), updated: of('update'), unchanged: of('unchanged') };
}

/**
 * Writes a checked plan inside the caller's transaction (which holds the locks of the agreements it
 * updates): agreements, their links, milestones, then the stored scores of every agreement touched
 * (whole history, as an edit of the agreement does), then one audit event per record created or
 * updated, with what it held before and after. Rows that would change nothing are left alone.
 */
export async function writeImport(tx: Tx, actorId: string, plan: ImportPlan): Promise<{ summary: ImportSummary; agreementIds: string[] }> {
  const now = new Date();
  const agreements = plan.agreements.filter((record) => record.outcome !== 'unchanged');
  const milestones = plan.milestones.filter((record) => record.outcome !== 'unchanged');
  const updatedAgreementIds = agreements.flatMap((record) => (record.match ? [record.match.id] : []));
  const updatedMilestoneIds = milestones.flatMap((record) => (record.match ? [record.match.id] : []));
  const agreementsBefore = await agreementSnapshots(tx, updatedAgreementIds);
  const milestonesBefore = await milestoneSnapshots(tx, updatedMilestoneIds);

  const writtenAgreements = await writeAgreements(tx, agreements, now);
  const agreementOf = new Map(writtenAgreements);
  for (const record of milestones) if (record.agreementId) agreementOf.set(record.agreementSlug, record.agreementId);
  const createdMilestoneIds = await insertMilestones(
    tx,
    milestones.filter((record) => !record.match),
    agreementOf,
    now,
  );
  await updateMilestones(
    tx,
    milestones.filter((record) => record.match),
  );

  const touched = [
    ...new Set([...writtenAgreements.values(), ...milestones.map((record) => agreementOf.get(record.agreementSlug)!)]),
  ].sort();
  await recomputeScores(tx, touched);

  const agreementIds = [...writtenAgreements.values()];
  const agreementsAfter = await agreementSnapshots(tx, agreementIds);
  const milestonesAfter = await milestoneSnapshots(tx, [...createdMilestoneIds, ...updatedMilestoneIds]);
  const event = (entityType: string, entityId: string, before: unknown, after: unknown): AuditInput => ({
    actorId,
    action: `${entityType}.import-${before ? 'update' : 'create'}`,
    entityType,
    entityId,
    before: before ?? undefined,
    after,
  });
  await appendAuditEvents(
    tx,
    [
      ...agreementIds.map((id) => event('agreement', id, agreementsBefore.get(id), agreementsAfter.get(id))),
      ...createdMilestoneIds.map((id) => event('milestone', id, null, milestonesAfter.get(id))),
      ...updatedMilestoneIds.map((id) => event('milestone', id, milestonesBefore.get(id), milestonesAfter.get(id))),
    ],
    now,
  );

  return { summary: { agreements: count(plan.agreements), milestones: count(plan.milestones) }, agreementIds: touched };
}

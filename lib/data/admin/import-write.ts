import 'server-only';
import { appendAuditEvents, type AuditInput } from '../../audit/write.ts';
import type { Tx } from '../../db-client.ts';
import type { AgreementRecord } from '../../import/agreement-rows.ts';
import type { MilestoneRecord } from '../../import/milestone-rows.ts';
import type { ImportSummary } from '../../import/types.ts';
import { recomputeAgreement } from '../scores.ts';
import { agreementScalarFields, agreementSnapshots, uniqueParties } from './agreements.ts';
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
    id: match!.id, title: input.title, kind: input.kind, status: input.status, signedOn: dayOrNull(input.signedOn),
    effectiveOn: dayOrNull(input.effectiveOn), expiresOn: dayOrNull(input.expiresOn), summary: input.summary,
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

/** Creates and updates the agreements; returns the id of every agreement row's agreement, by slug. */
async function writeAgreements(tx: Tx, records: readonly AgreementRecord[], now: Date): Promise<Map<string, string>> {
  const creates = records.filter((record) => !record.match);
  const updates = records.filter((record) => record.match);
  // The file is in the public export's format, and that export holds published agreements only.
  const created = await tx.agreement.createManyAndReturn({
    data: creates.map((record) => ({ ...agreementScalarFields(record.input), publication: 'PUBLISHED' as const, publishedAt: now })),
    select: { id: true, slug: true },
  });
  await updateAgreements(tx, updates);
  const ids = new Map([...created.map((row) => [row.slug, row.id] as const), ...updates.map((record) => [record.input.slug, record.match!.id] as const)]);
  // The file lists each agreement's parties and sectors in full; its sources are not in the format and stay.
  const updatedIds = updates.map((record) => record.match!.id);
  await tx.agreementParty.deleteMany({ where: { agreementId: { in: updatedIds } } });
  await tx.agreementSector.deleteMany({ where: { agreementId: { in: updatedIds } } });
  await tx.agreementParty.createMany({
    data: records.flatMap((record) => uniqueParties(record.input).map((party) => ({ agreementId: ids.get(record.input.slug)!, ...party }))),
  });
  await tx.agreementSector.createMany({
    data: records.flatMap((record) => record.input.sectors.map((sectorId) => ({ agreementId: ids.get(record.input.slug)!, sectorId }))),
  });
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

async function updateMilestones(tx: Tx, updates: readonly MilestoneRecord[]) {
  if (updates.length === 0) return;
  const c = columns(updates, ({ match, fields, position }) => ({
    id: match!.id, title: fields.title, description: fields.description, clauseRef: fields.clauseRef, clauseExcerpt: fields.clauseExcerpt,
    partyId: fields.responsiblePartyId, dueOn: dayOrNull(fields.dueOn), weight: fields.weight, kind: fields.kind, frequency: fields.frequency,
    quantity: fields.quantityPerPeriod, unit: fields.unit, startsOn: dayOrNull(fields.startsOn), endsOn: dayOrNull(fields.endsOn),
    baseline: fields.baseline, target: fields.target, position,
  }));
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

/** Creates and updates the milestones; returns the ids of those created, in file order. */
async function writeMilestones(tx: Tx, records: readonly MilestoneRecord[], agreementIds: Map<string, string>): Promise<string[]> {
  const positionOf = await positionsFor(tx, records.filter((record) => !record.match), agreementIds);
  const created = await tx.milestone.createManyAndReturn({
    data: records.filter((record) => !record.match).map((record) => ({
      ...record.fields, agreementId: agreementIds.get(record.agreementSlug)!, position: positionOf(record),
    })),
    select: { id: true },
  });
  await updateMilestones(tx, records.filter((record) => record.match));
  return created.map((row) => row.id);
}

/**
 * Writes a checked plan inside the caller's transaction (which holds the locks of the agreements it
 * updates): agreements, their links, milestones, then the stored scores of every agreement touched
 * (whole history, as an edit of the agreement does), then one audit event per record created or
 * updated, with what it held before and after.
 */
export async function writeImport(tx: Tx, actorId: string, plan: ImportPlan): Promise<{ summary: ImportSummary; agreementIds: string[] }> {
  const now = new Date();
  const updatedAgreementIds = plan.agreements.flatMap((record) => (record.match ? [record.match.id] : []));
  const updatedMilestoneIds = plan.milestones.flatMap((record) => (record.match ? [record.match.id] : []));
  const [agreementsBefore, milestonesBefore] = [await agreementSnapshots(tx, updatedAgreementIds), await milestoneSnapshots(tx, updatedMilestoneIds)];

  const agreementIds = await writeAgreements(tx, plan.agreements, now);
  for (const record of plan.milestones) if (record.agreementId) agreementIds.set(record.agreementSlug, record.agreementId);
  const createdMilestoneIds = await writeMilestones(tx, plan.milestones, agreementIds);

  const touched = [...new Set(agreementIds.values())].sort();
  for (const id of touched) await recomputeAgreement(tx, id);

  const importedAgreementIds = plan.agreements.map((record) => agreementIds.get(record.input.slug)!);
  const agreementsAfter = await agreementSnapshots(tx, importedAgreementIds);
  const milestonesAfter = await milestoneSnapshots(tx, [...createdMilestoneIds, ...updatedMilestoneIds]);
  const event = (entityType: string, entityId: string, before: unknown, after: unknown): AuditInput => ({
    actorId, action: `${entityType}.import-${before ? 'update' : 'create'}`, entityType, entityId, before: before ?? undefined, after,
  });
  await appendAuditEvents(tx, [
    ...importedAgreementIds.map((id) => event('agreement', id, agreementsBefore.get(id), agreementsAfter.get(id))),
    ...createdMilestoneIds.map((id) => event('milestone', id, null, milestonesAfter.get(id))),
    ...updatedMilestoneIds.map((id) => event('milestone', id, milestonesBefore.get(id), milestonesAfter.get(id))),
  ], now);

  const count = (records: readonly { match: unknown }[]) => ({ created: records.filter((r) => !r.match).length, updated: records.filter((r) => r.match).length });
  return { summary: { agreements: count(plan.agreements), milestones: count(plan.milestones) }, agreementIds: touched };
}

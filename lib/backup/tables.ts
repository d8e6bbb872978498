// What a backup's rows must look like, table by table: the columns of the migrated schema (the
// secret ones left out, lib/backup/format.ts), their types, nullability and enum values; the rows
// each column refers to; and the keys that must be unique. Restore checks a whole file against
// these before it writes anything (lib/backup/validate.ts). tests/integration/backup-schema.test.ts
// compares them with the migrated database, so a migration cannot leave them behind.
import { z } from 'zod';
import {
  AgreementKind,
  EvidenceKind,
  LifecycleStatus,
  MilestoneKind,
  PartyKind,
  PartyRole,
  ProgressStatus,
  PublicationState,
  RecurrenceFrequency,
  ReviewState,
  SourceDocumentKind,
  UserRole,
} from '../generated/prisma/enums.ts';

// Values as PostgreSQL's to_jsonb writes them.
const uuid = z.guid();
const text = z.string();
const int = z.int32();
const float = z.number();
const bool = z.boolean();
const date = z.iso.date();
const timestamp = z.iso.datetime({ offset: true });
const json = z.json().refine((value) => value !== null, 'expected a JSON value, received null');
const jsonOrNull = z.json();

const setting = z.strictObject({ key: text, value: json, updated_at: timestamp });

const party = z.strictObject({
  id: uuid,
  slug: text,
  name: text,
  short_name: text.nullable(),
  kind: z.enum(PartyKind),
  country_code: text.max(2),
  description: text,
  website: text.nullable(),
  merged_into_id: uuid.nullable(),
  version: int,
  archived_at: timestamp.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

const sector = z.strictObject({
  id: uuid,
  slug: text,
  name: text,
  description: text,
  position: int,
  merged_into_id: uuid.nullable(),
  version: int,
  archived_at: timestamp.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

const appUser = z.strictObject({
  id: uuid,
  email: text,
  name: text,
  role: z.enum(UserRole),
  party_id: uuid.nullable(),
  password_changed_at: timestamp.nullable(),
  active: bool,
  session_version: int,
  totp_enabled_at: timestamp.nullable(),
  last_sign_in_at: timestamp.nullable(),
  version: int,
  created_at: timestamp,
  updated_at: timestamp,
});

const agreement = z.strictObject({
  id: uuid,
  slug: text,
  title: text,
  kind: z.enum(AgreementKind),
  status: z.enum(LifecycleStatus),
  signed_on: date.nullable(),
  effective_on: date.nullable(),
  expires_on: date.nullable(),
  summary: text,
  publication: z.enum(PublicationState),
  published_at: timestamp.nullable(),
  score: float,
  scored_at: timestamp.nullable(),
  search_text: text,
  // Derived: the search trigger computes it again from the title and search_text on insert.
  search_vector: text.nullable(),
  version: int,
  archived_at: timestamp.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

const agreementSector = z.strictObject({ agreement_id: uuid, sector_id: uuid });

const agreementParty = z.strictObject({ agreement_id: uuid, party_id: uuid, role: z.enum(PartyRole) });

const sourceDocument = z.strictObject({
  id: uuid,
  agreement_id: uuid,
  title: text,
  url: text,
  kind: z.enum(SourceDocumentKind),
  published_on: date.nullable(),
  position: int,
});

const milestone = z.strictObject({
  id: uuid,
  agreement_id: uuid,
  title: text,
  description: text,
  clause_ref: text.nullable(),
  clause_excerpt: text.nullable(),
  responsible_party_id: uuid.nullable(),
  due_on: date.nullable(),
  weight: float,
  position: int,
  kind: z.enum(MilestoneKind),
  frequency: z.enum(RecurrenceFrequency).nullable(),
  quantity_per_period: float.nullable(),
  unit: text.nullable(),
  starts_on: date.nullable(),
  ends_on: date.nullable(),
  baseline: float.nullable(),
  target: float.nullable(),
  score: float,
  status: z.enum(ProgressStatus),
  last_observed_on: date.nullable(),
  version: int,
  archived_at: timestamp.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});

const progressUpdate = z.strictObject({
  id: uuid,
  milestone_id: uuid,
  agreement_id: uuid,
  author_id: uuid,
  author_side_id: uuid.nullable(),
  observed_on: date,
  status: z.enum(ProgressStatus),
  progress: float.nullable(),
  quantity: float.nullable(),
  actual_value: float.nullable(),
  narrative: text,
  supersedes_id: uuid.nullable(),
  correction_reason: text.nullable(),
  review_state: z.enum(ReviewState),
  reviewer_id: uuid.nullable(),
  reviewed_at: timestamp.nullable(),
  review_note: text.nullable(),
  created_at: timestamp,
});

const evidence = z.strictObject({
  id: uuid,
  update_id: uuid,
  url: text,
  title: text,
  publisher: text.nullable(),
  published_on: date.nullable(),
  kind: z.enum(EvidenceKind),
  position: int,
});

const assignment = z.strictObject({ user_id: uuid, agreement_id: uuid, created_by_id: uuid.nullable(), created_at: timestamp });

const agreementScoreMonth = z.strictObject({ agreement_id: uuid, month: date, score: float });

const auditEvent = z.strictObject({
  id: z.int().positive(),
  occurred_at: timestamp,
  actor_id: uuid.nullable(),
  action: text,
  entity_type: text,
  entity_id: text,
  before: jsonOrNull,
  after: jsonOrNull,
  ip: text.nullable(),
  prev_hash: text.nullable(),
  hash: text,
});

const authThrottle = z.strictObject({ key: text, failures: int, last_failure_at: timestamp, retry_after: timestamp.nullable() });

export interface Reference {
  column: string;
  table: string;
}

/** A set of columns no two rows may share; `where` limits it to some rows, as a partial index does. */
export interface UniqueKey {
  columns: string[];
  where?: 'live';
}

const refersTo = (table: string, column: string): Reference => ({ column, table });
const liveSlug: UniqueKey = { columns: ['slug'], where: 'live' };

/** Every backup table's row schema, the columns that refer to other rows (by id), and unique keys beyond the primary key. */
export const TABLE_RULES = {
  setting: { row: setting, references: [], unique: [] },
  party: { row: party, references: [refersTo('party', 'merged_into_id')], unique: [liveSlug] },
  sector: { row: sector, references: [refersTo('sector', 'merged_into_id')], unique: [liveSlug] },
  app_user: { row: appUser, references: [refersTo('party', 'party_id')], unique: [{ columns: ['email'] }] },
  agreement: { row: agreement, references: [], unique: [liveSlug] },
  agreement_sector: {
    row: agreementSector,
    references: [refersTo('agreement', 'agreement_id'), refersTo('sector', 'sector_id')],
    unique: [],
  },
  agreement_party: {
    row: agreementParty,
    references: [refersTo('agreement', 'agreement_id'), refersTo('party', 'party_id')],
    unique: [],
  },
  source_document: { row: sourceDocument, references: [refersTo('agreement', 'agreement_id')], unique: [] },
  milestone: {
    row: milestone,
    references: [refersTo('agreement', 'agreement_id'), refersTo('party', 'responsible_party_id')],
    unique: [],
  },
  progress_update: {
    row: progressUpdate,
    references: [
      refersTo('milestone', 'milestone_id'),
      refersTo('agreement', 'agreement_id'),
      refersTo('app_user', 'author_id'),
      refersTo('party', 'author_side_id'),
      refersTo('progress_update', 'supersedes_id'),
      refersTo('app_user', 'reviewer_id'),
    ],
    unique: [],
  },
  evidence: { row: evidence, references: [refersTo('progress_update', 'update_id')], unique: [] },
  assignment: {
    row: assignment,
    references: [refersTo('app_user', 'user_id'), refersTo('agreement', 'agreement_id'), refersTo('app_user', 'created_by_id')],
    unique: [],
  },
  agreement_score_month: { row: agreementScoreMonth, references: [refersTo('agreement', 'agreement_id')], unique: [] },
  audit_event: { row: auditEvent, references: [], unique: [{ columns: ['hash'] }] },
  auth_throttle: { row: authThrottle, references: [], unique: [] },
} satisfies Record<string, { row: z.ZodObject; references: Reference[]; unique: UniqueKey[] }>;

export type BackupTableName = keyof typeof TABLE_RULES;

/** The rows of a backup that passed its checks, typed table by table. */
export type BackupRows = { [T in BackupTableName]: z.infer<(typeof TABLE_RULES)[T]['row']>[] };

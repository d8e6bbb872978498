// Rows of the synthetic data set, shaped like the tables they are inserted into (camelCase columns).
// Calendar dates are ISO strings; instants are Dates.
import type {
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
} from '../../lib/generated/prisma/enums.ts';
import type { IsoDate } from '../../lib/dates.ts';

export interface PartyRow {
  id: string;
  slug: string;
  name: string;
  shortName: string | null;
  kind: PartyKind;
  countryCode: string;
  description: string;
}

export interface SectorRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  partyId: string | null;
  passwordHash: string;
  passwordChangedAt: Date;
}

export interface AgreementRow {
  id: string;
  slug: string;
  title: string;
  kind: AgreementKind;
  status: LifecycleStatus;
  signedOn: IsoDate | null;
  effectiveOn: IsoDate | null;
  expiresOn: IsoDate | null;
  summary: string;
  publication: PublicationState;
  publishedAt: Date | null;
  archivedAt: Date | null;
  createdAt: Date;
  /** Derived (lib/scoring), filled in by derive.ts. */
  score: number;
  scoredAt: Date | null;
  searchText: string;
}

export interface AgreementSectorRow {
  agreementId: string;
  sectorId: string;
}
export interface AgreementPartyRow {
  agreementId: string;
  partyId: string;
  role: PartyRole;
}
export interface AssignmentRow {
  userId: string;
  agreementId: string;
  createdById: string;
  createdAt: Date;
}

export interface SourceDocumentRow {
  id: string;
  agreementId: string;
  title: string;
  url: string;
  kind: SourceDocumentKind;
  publishedOn: IsoDate | null;
  position: number;
}

export interface MilestoneRow {
  id: string;
  agreementId: string;
  title: string;
  description: string;
  clauseRef: string | null;
  clauseExcerpt: string | null;
  responsiblePartyId: string | null;
  dueOn: IsoDate | null;
  weight: number;
  position: number;
  kind: MilestoneKind;
  frequency: RecurrenceFrequency | null;
  quantityPerPeriod: number | null;
  unit: string | null;
  startsOn: IsoDate | null;
  endsOn: IsoDate | null;
  baseline: number | null;
  target: number | null;
  /** Derived (lib/scoring), filled in by derive.ts. */
  score: number;
  status: ProgressStatus;
  lastObservedOn: IsoDate | null;
  createdAt: Date;
}

export interface UpdateRow {
  id: string;
  milestoneId: string;
  agreementId: string;
  authorId: string;
  authorSideId: string | null;
  observedOn: IsoDate;
  status: ProgressStatus;
  progress: number | null;
  quantity: number | null;
  actualValue: number | null;
  narrative: string;
  supersedesId: string | null;
  correctionReason: string | null;
  reviewState: ReviewState;
  reviewerId: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  createdAt: Date;
}

export interface EvidenceRow {
  id: string;
  updateId: string;
  url: string;
  title: string;
  publisher: string | null;
  publishedOn: IsoDate | null;
  kind: EvidenceKind;
  position: number;
}

export interface ScoreMonthRow {
  agreementId: string;
  month: IsoDate;
  score: number;
}

/** Parties, sectors and people: generated once, shared by every agreement. */
export interface BaseSet {
  parties: PartyRow[];
  sectors: SectorRow[];
  users: UserRow[];
  adminId: string;
  /** Analysts by the side they report for; `XX` are independent. */
  analysts: { PK: UserRow[]; AZ: UserRow[]; XX: UserRow[] };
  partiesByCountry: { PK: PartyRow[]; AZ: PartyRow[] };
}

/** A batch of agreements with everything that hangs off them, inserted in one transaction. */
export interface Chunk {
  agreements: AgreementRow[];
  agreementSectors: AgreementSectorRow[];
  agreementParties: AgreementPartyRow[];
  assignments: AssignmentRow[];
  sourceDocuments: SourceDocumentRow[];
  milestones: MilestoneRow[];
  updates: UpdateRow[];
  evidence: EvidenceRow[];
  scoreMonths: ScoreMonthRow[];
}

export function emptyChunk(): Chunk {
  return {
    agreements: [],
    agreementSectors: [],
    agreementParties: [],
    assignments: [],
    sourceDocuments: [],
    milestones: [],
    updates: [],
    evidence: [],
    scoreMonths: [],
  };
}

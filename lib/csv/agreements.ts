// The agreement CSV: one row per agreement. References use slugs: sectors as `slug;slug`, parties as
// `slug:ROLE;slug:ROLE`. The admin import reads exactly these columns.
import type { AgreementListItem } from '../data/public-agreements.ts';
import { roundScore, type CsvColumn } from './format.ts';

export const AGREEMENT_CSV_COLUMNS: readonly CsvColumn<AgreementListItem>[] = [
  { name: 'slug', description: 'Unique identifier of the agreement, as in its address.', value: (row) => row.slug },
  { name: 'title', description: 'Title of the agreement.', value: (row) => row.title },
  {
    name: 'kind',
    description: 'MOU, AGREEMENT, TREATY, PROTOCOL, CONTRACT, LETTER_OF_INTENT, JOINT_DECLARATION or PROGRAMME.',
    value: (row) => row.kind,
  },
  {
    name: 'status',
    description: 'Lifecycle status: PROPOSED, UNDER_NEGOTIATION, SIGNED, IN_FORCE, COMPLETED, SUSPENDED, TERMINATED or EXPIRED.',
    value: (row) => row.status,
  },
  { name: 'signed_on', description: 'Date of signature (YYYY-MM-DD), empty if not signed.', value: (row) => row.signedOn },
  { name: 'effective_on', description: 'Date it took effect (YYYY-MM-DD), if known.', value: (row) => row.effectiveOn },
  { name: 'expires_on', description: 'Date it expires (YYYY-MM-DD), if any.', value: (row) => row.expiresOn },
  { name: 'summary', description: 'Plain-language summary.', value: (row) => row.summary },
  {
    name: 'sectors',
    description: 'Sector slugs separated by semicolons.',
    value: (row) => row.sectors.map((sector) => sector.slug).join(';'),
  },
  {
    name: 'parties',
    description: 'Parties as slug:ROLE separated by semicolons; ROLE is SIGNATORY, IMPLEMENTING, FUNDING or OBSERVER.',
    value: (row) => row.parties.map((party) => `${party.slug}:${party.role}`).join(';'),
  },
  {
    name: 'score',
    description: 'Implementation score 0–100 (method version 1); computed, ignored on import.',
    computed: true,
    value: (row) => roundScore(row.score),
  },
  {
    name: 'band',
    description: 'NOT_INITIATED, MINIMAL, INTERMEDIATE or FULL; computed, ignored on import.',
    computed: true,
    value: (row) => row.band,
  },
];

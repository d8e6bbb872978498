// Cache tags of public data. Public reads are cached under these tags; every write invalidates
// exactly the tags its change affects (see invalidation helpers in lib/revalidate.ts).

/** Cross-agreement views: lists, search, CSV, feed, dashboard, sector and party summaries, scores. */
export const PUBLIC_AGREEMENTS_TAG = 'public:agreements';
/** Sector and party names and lists. */
export const PUBLIC_TAXONOMY_TAG = 'public:taxonomy';
/** Instance-wide settings shown on public pages (the demonstration-data banner). */
export const PUBLIC_INSTANCE_TAG = 'public:instance';

export function publicAgreementTag(agreementId: string): string {
  return `public:agreement:${agreementId}`;
}

/** What a change to one agreement (or its milestones, updates or scores) makes stale. */
export function tagsForAgreementChange(agreementId: string): string[] {
  return [PUBLIC_AGREEMENTS_TAG, publicAgreementTag(agreementId)];
}

/** What a change to a sector or party (name, merge) makes stale: the lists and every agreement page. */
export function tagsForTaxonomyChange(agreementIds: string[]): string[] {
  return [PUBLIC_TAXONOMY_TAG, PUBLIC_AGREEMENTS_TAG, ...agreementIds.map(publicAgreementTag)];
}

/** What a change to an instance setting (such as clearing the demonstration data flag) makes stale. */
export function tagsForInstanceChange(): string[] {
  return [PUBLIC_INSTANCE_TAG];
}

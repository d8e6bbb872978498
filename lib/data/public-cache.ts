import 'server-only';
// Cached public reads: what pages, the API, the CSV downloads and the feed call. Each read is tagged
// with every tag whose write can change its result (lib/cache-tags.ts); writes invalidate them, so a
// change shows on the next request. The uncached loaders stay exported for tests and scripts.
import { unstable_cache } from 'next/cache';
import { PUBLIC_AGREEMENTS_TAG, PUBLIC_INSTANCE_TAG, PUBLIC_TAXONOMY_TAG, publicAgreementTag } from '../cache-tags.ts';
import type { IsoDate } from '../dates.ts';
import type { AgreementFilterInput, AgreementSort } from '../validation/public-query.ts';
import { isDemoData } from './instance.ts';
import { loadAgreementDetail } from './public-agreement-detail.ts';
import { listAgreements, loadExampleAgreementSlug, loadPublicSlugs, loadSignedYears, type ListOptions } from './public-agreements.ts';
import { loadMilestoneExport } from './public-export.ts';
import { loadScoresAsOf } from './public-scores.ts';
import { loadGroupScores, loadLatestUpdates, loadSummary, type Scope } from './public-summary.ts';
import { loadPartyFilterOptions, loadPublicParties, loadPublicSectors } from './public-taxonomy.ts';

/** Results that name agreements, milestones, sectors or parties go stale with either kind of change. */
const LISTS = [PUBLIC_AGREEMENTS_TAG, PUBLIC_TAXONOMY_TAG];

export const getScoresAsOf = unstable_cache(loadScoresAsOf, ['public-scores-as-of'], { tags: [PUBLIC_AGREEMENTS_TAG] });

export const getAgreementList = unstable_cache(
  (filters: AgreementFilterInput, options: Omit<ListOptions, 'scoresAsOf'>) =>
    listAgreements(filters, { ...options, scoresAsOf: getScoresAsOf }),
  ['public-agreement-list'],
  { tags: LISTS },
);

export const getSignedYears = unstable_cache(loadSignedYears, ['public-signed-years'], { tags: [PUBLIC_AGREEMENTS_TAG] });

const getPublicSlugs = unstable_cache(loadPublicSlugs, ['public-slugs'], { tags: [PUBLIC_AGREEMENTS_TAG] });

/** The id of the public agreement with this slug, or null. */
export async function findPublicAgreementId(slug: string): Promise<string | null> {
  const slugs = await getPublicSlugs();
  return Object.hasOwn(slugs, slug) ? slugs[slug]! : null;
}

/** One agreement's page data, tagged with its own tag so that other agreements' changes leave it cached. */
export async function getAgreementDetail(slug: string, asOf: IsoDate | null, today: IsoDate) {
  const id = await findPublicAgreementId(slug);
  if (!id) return null;
  return unstable_cache(() => loadAgreementDetail(id, asOf, today), ['public-agreement-detail', id, asOf ?? '', today], {
    tags: [publicAgreementTag(id), PUBLIC_TAXONOMY_TAG],
  })();
}

export const getSummary = unstable_cache(
  (scope: Scope, asOf: IsoDate | null, today: IsoDate) => loadSummary(scope, asOf, today, getScoresAsOf),
  ['public-summary'],
  { tags: LISTS },
);

export const getGroupScores = unstable_cache(
  (asOf: IsoDate | null, today: IsoDate) => loadGroupScores(asOf, today, getScoresAsOf),
  ['public-group-scores'],
  { tags: LISTS },
);

export const getLatestUpdates = unstable_cache(
  (scope: Scope, asOf: IsoDate | null, limit: number) => loadLatestUpdates(scope, asOf, limit),
  ['public-latest-updates'],
  { tags: LISTS },
);

export const getMilestoneExport = unstable_cache(
  (filters: AgreementFilterInput, sort: AgreementSort | undefined) => loadMilestoneExport(filters, sort, getScoresAsOf),
  ['public-milestone-export'],
  { tags: LISTS },
);

export const getSectors = unstable_cache(loadPublicSectors, ['public-sectors'], { tags: [PUBLIC_TAXONOMY_TAG] });
export const getParties = unstable_cache(loadPublicParties, ['public-parties'], { tags: [PUBLIC_TAXONOMY_TAG] });
export const getPartyFilterOptions = unstable_cache(loadPartyFilterOptions, ['public-party-filter'], { tags: LISTS });

export const getExampleAgreementSlug = unstable_cache(loadExampleAgreementSlug, ['public-example-agreement'], {
  tags: [PUBLIC_AGREEMENTS_TAG],
});

export const getIsDemoData = unstable_cache(isDemoData, ['public-demo-data'], { tags: [PUBLIC_INSTANCE_TAG] });

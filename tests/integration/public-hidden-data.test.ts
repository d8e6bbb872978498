// Every public read, fed one record of each hidden kind: none of their markers may come out, while the
// public control agreement's marker does. The e2e spec checks the same over HTTP, pages included.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getAgreementsCsv } from '../../app/api/v1/agreements.csv/route.ts';
import { GET as getAgreement } from '../../app/api/v1/agreements/[slug]/route.ts';
import { GET as getAgreements } from '../../app/api/v1/agreements/route.ts';
import { GET as getMilestonesCsv } from '../../app/api/v1/milestones.csv/route.ts';
import { GET as getParties } from '../../app/api/v1/parties/route.ts';
import { GET as getScores } from '../../app/api/v1/scores/route.ts';
import { GET as getSectors } from '../../app/api/v1/sectors/route.ts';
import { listAgreements, loadPublicSlugs } from '../../lib/data/public-agreements.ts';
import { loadAgreementDetail } from '../../lib/data/public-agreement-detail.ts';
import { loadGroupScores, loadLatestUpdates, loadSummary } from '../../lib/data/public-summary.ts';
import { todayIso } from '../../lib/dates.ts';
import { DEMO_ACCOUNTS } from '../../prisma/seed/demo-data.ts';
import { seedDemo, seedId } from '../../prisma/seed/index.ts';
import { insertHiddenData } from '../fixtures/hidden-data.ts';
import {
  ARCHIVED_SLUG,
  CONTROL_SLUG,
  DRAFT_SLUG,
  HIDDEN_MARKERS,
  PUBLIC_MARKER,
  PUBLIC_UPDATE_MARKER,
  SEARCH_WORDS,
} from '../fixtures/hidden-markers.ts';

vi.mock('next/cache', async () => (await import('../support/next-cache.ts')).passThroughCache);

const FORBIDDEN = [...Object.values(HIDDEN_MARKERS), ...DEMO_ACCOUNTS.flatMap((account) => [account.email, account.name]), '$argon2'];
const today = todayIso();

function leaks(text: string) {
  return FORBIDDEN.filter((marker) => text.includes(marker));
}

const request = (path: string) => new Request(`http://localhost${path}`);
const slugParams = (slug: string) => ({ params: Promise.resolve({ slug }) });

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!);
  await insertHiddenData(process.env.DATABASE_URL!);
});

describe('hidden records', () => {
  it('stay out of every API response and CSV download, while the public control agreement is in them', async () => {
    const responses = {
      list: await getAgreements(request('/api/v1/agreements?perPage=100')),
      detail: await getAgreement(request(`/api/v1/agreements/${CONTROL_SLUG}`), slugParams(CONTROL_SLUG)),
      sectors: await getSectors(request('/api/v1/sectors')),
      parties: await getParties(request('/api/v1/parties')),
      scores: await getScores(request('/api/v1/scores')),
      agreementsCsv: await getAgreementsCsv(request('/api/v1/agreements.csv')),
      milestonesCsv: await getMilestonesCsv(request('/api/v1/milestones.csv')),
    };
    const bodies: Record<string, string> = Object.fromEntries(
      await Promise.all(Object.entries(responses).map(async ([name, response]) => [name, await response.text()] as const)),
    );
    for (const [name, body] of Object.entries(bodies)) expect(leaks(body), name).toEqual([]);
    for (const name of ['list', 'detail', 'agreementsCsv', 'milestonesCsv']) expect(bodies[name], name).toContain(PUBLIC_MARKER);
    expect(bodies.detail).toContain(PUBLIC_UPDATE_MARKER);
  });

  it('are not found by slug or by searching for their words', async () => {
    for (const slug of [DRAFT_SLUG, ARCHIVED_SLUG]) {
      expect((await getAgreement(request(`/api/v1/agreements/${slug}`), slugParams(slug))).status, slug).toBe(404);
    }
    expect(Object.keys(await loadPublicSlugs())).not.toEqual(expect.arrayContaining([DRAFT_SLUG]));
    for (const [kind, word] of Object.entries(SEARCH_WORDS)) {
      const found = (await listAgreements({ q: word }, { all: true })).items.map((item) => item.slug);
      expect(found, kind).toEqual(kind === 'control' ? [CONTROL_SLUG] : []);
    }
  });

  it('stay out of the summaries, scores, latest updates and the agreement page data', async () => {
    const ids = await loadPublicSlugs();
    const reads = {
      summary: await loadSummary({ kind: 'all' }, null, today),
      sector: await loadSummary({ kind: 'sector', id: seedId('sector', 'energy-infrastructure') }, null, today),
      party: await loadSummary({ kind: 'party', id: seedId('party', 'pakistan') }, null, today),
      asOf: await loadSummary({ kind: 'all' }, today, today),
      groups: await loadGroupScores(null, today),
      updates: await loadLatestUpdates({ kind: 'all' }, null, 50),
      detail: await loadAgreementDetail(ids[CONTROL_SLUG]!, null, today),
    };
    for (const [name, value] of Object.entries(reads)) expect(leaks(JSON.stringify(value)), name).toEqual([]);
    expect(JSON.stringify(reads.updates)).toContain(PUBLIC_UPDATE_MARKER);
    // The archived agreement was signed and is published, yet must not count anywhere.
    expect(reads.summary.agreementCount).toBe(11);
    expect(reads.sector.agreementCount).toBe(3);
  });

  it('do not change the control agreement score: only its verified update on a live milestone counts', async () => {
    const detail = await loadAgreementDetail((await loadPublicSlugs())[CONTROL_SLUG]!, null, today);
    expect(detail!.milestones).toHaveLength(1);
    expect(detail!.score).toBe(40);
    expect(detail!.updates).toHaveLength(1);
    expect(detail!.milestones[0]!.overdue).toBe(false);
  });
});

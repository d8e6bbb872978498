import { groupScoreJson, meta, overallJson } from '@/lib/api/serialize.ts';
import { badRequest, jsonResponse } from '@/lib/api/responses.ts';
import { getGroupScores, getSummary } from '@/lib/data/public-cache.ts';
import { todayIso } from '@/lib/dates.ts';
import { AsOfQuerySchema, parseQuery } from '@/lib/validation/public-query.ts';

export async function GET(request: Request) {
  const { data: query, issues } = parseQuery(AsOfQuerySchema, new URL(request.url).searchParams, { strict: true });
  if (issues.length) return badRequest(issues);
  const asOf = query.asOf ?? null;
  const today = todayIso();
  const [summary, groups] = await Promise.all([getSummary({ kind: 'all' }, asOf, today), getGroupScores(asOf, today)]);
  return jsonResponse(request, {
    data: {
      overall: overallJson(summary),
      sectors: groups.sectors.map((sector) => groupScoreJson(sector, 'sector')),
      parties: groups.parties.map((party) => groupScoreJson(party, 'party')),
    },
    meta: meta(asOf),
  });
}

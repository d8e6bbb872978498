import { groupScoreJson, meta } from '@/lib/api/serialize.ts';
import { badRequest, jsonResponse } from '@/lib/api/responses.ts';
import { getGroupScores } from '@/lib/data/public-cache.ts';
import { todayIso } from '@/lib/dates.ts';
import { AsOfQuerySchema, parseQuery } from '@/lib/validation/public-query.ts';

export async function GET(request: Request) {
  const { data: query, issues } = parseQuery(AsOfQuerySchema, new URL(request.url).searchParams, { strict: true });
  if (issues.length) return badRequest(issues);
  const asOf = query.asOf ?? null;
  const { sectors } = await getGroupScores(asOf, todayIso());
  return jsonResponse(request, { data: sectors.map((sector) => groupScoreJson(sector, 'sector')), meta: meta(asOf) });
}

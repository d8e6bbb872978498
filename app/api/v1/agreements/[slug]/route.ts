import { agreementDetailJson } from '@/lib/api/serialize.ts';
import { badRequest, jsonResponse, notFoundResponse } from '@/lib/api/responses.ts';
import { getAgreementDetail } from '@/lib/data/public-cache.ts';
import { todayIso } from '@/lib/dates.ts';
import { AsOfQuerySchema, parseQuery } from '@/lib/validation/public-query.ts';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { data: query, issues } = parseQuery(AsOfQuerySchema, new URL(request.url).searchParams, { strict: true });
  if (issues.length) return badRequest(issues);
  const detail = await getAgreementDetail(slug, query.asOf ?? null, todayIso());
  if (!detail) return notFoundResponse('No published agreement has this slug.');
  return jsonResponse(request, agreementDetailJson(detail));
}

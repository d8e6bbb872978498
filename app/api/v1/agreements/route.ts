import { agreementPageJson } from '@/lib/api/serialize.ts';
import { badRequest, jsonResponse } from '@/lib/api/responses.ts';
import { getAgreementList } from '@/lib/data/public-cache.ts';
import { effectiveSort } from '@/lib/data/public-agreements.ts';
import { AgreementListQuerySchema, parseQuery } from '@/lib/validation/public-query.ts';

export async function GET(request: Request) {
  const { data: query, issues } = parseQuery(AgreementListQuerySchema, new URL(request.url).searchParams, { strict: true });
  if (issues.length) return badRequest(issues);
  const { sort, page, perPage, ...filters } = query;
  const result = await getAgreementList(filters, { sort, page, perPage });
  return jsonResponse(request, agreementPageJson(result, filters.asOf ?? null, effectiveSort(sort, filters.q)));
}

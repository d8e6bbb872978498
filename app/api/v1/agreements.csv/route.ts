import { badRequest, cacheableResponse } from '@/lib/api/responses.ts';
import { AGREEMENT_CSV_COLUMNS } from '@/lib/csv/agreements.ts';
import { CSV_CONTENT_TYPE, toCsv } from '@/lib/csv/format.ts';
import { getAgreementList } from '@/lib/data/public-cache.ts';
import { AgreementExportQuerySchema, parseQuery } from '@/lib/validation/public-query.ts';

/** Every agreement matching the filters, not one page of them. */
export async function GET(request: Request) {
  const { data: query, issues } = parseQuery(AgreementExportQuerySchema, new URL(request.url).searchParams, { strict: true });
  if (issues.length) return badRequest(issues);
  const { sort, ...filters } = query;
  const { items } = await getAgreementList(filters, { sort, all: true });
  return cacheableResponse(request, toCsv(AGREEMENT_CSV_COLUMNS, items), CSV_CONTENT_TYPE, {
    'Content-Disposition': 'attachment; filename="ittifaq-agreements.csv"',
  });
}

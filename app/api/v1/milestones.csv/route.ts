import { badRequest, cacheableResponse } from '@/lib/api/responses.ts';
import { CSV_CONTENT_TYPE, toCsv } from '@/lib/csv/format.ts';
import { MILESTONE_CSV_COLUMNS } from '@/lib/csv/milestones.ts';
import { getMilestoneExport } from '@/lib/data/public-cache.ts';
import { AgreementExportQuerySchema, parseQuery } from '@/lib/validation/public-query.ts';

/** The milestones of every agreement matching the filters. */
export async function GET(request: Request) {
  const { data: query, issues } = parseQuery(AgreementExportQuerySchema, new URL(request.url).searchParams, { strict: true });
  if (issues.length) return badRequest(issues);
  const { sort, ...filters } = query;
  const rows = await getMilestoneExport(filters, sort);
  return cacheableResponse(request, toCsv(MILESTONE_CSV_COLUMNS, rows), CSV_CONTENT_TYPE, {
    'Content-Disposition': 'attachment; filename="ittifaq-milestones.csv"',
  });
}

// Query parameters of the public pages and the open-data API. Pages drop an invalid parameter and say
// so; the API answers 400 naming it. Empty values count as absent, because a plain GET form submits
// every field, chosen or not.
import { z } from 'zod';
import { isIsoDate, todayIso } from '../dates.ts';
import { AgreementKind, LifecycleStatus } from '../generated/prisma/enums.ts';
import { text } from './fields.ts';

export const BANDS = ['NOT_INITIATED', 'MINIMAL', 'INTERMEDIATE', 'FULL'] as const;
export const AGREEMENT_SORTS = ['relevance', 'score-desc', 'score-asc', 'signed-desc', 'signed-asc', 'title-asc', 'title-desc'] as const;
export type AgreementSort = (typeof AGREEMENT_SORTS)[number];

export const EARLIEST_AS_OF = '1990-01-01';
export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 100;

const absentIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(absentIfEmpty, schema.optional());

const SlugSchema = text({ nul: 'must not contain the NUL character' })
  .max(120, { error: 'is too long for a slug' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a slug: lower-case letters, digits and hyphens' });

export const AsOfSchema = text({ nul: 'must not contain the NUL character' })
  .refine(isIsoDate, { error: 'must be a calendar date written YYYY-MM-DD, such as 2024-12-31' })
  .refine((day) => day >= EARLIEST_AS_OF, { error: `must be on or after ${EARLIEST_AS_OF}` })
  .refine((day) => day <= todayIso(), { error: 'must not be in the future' });

const wholeNumber = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `must be ${what}` })
    .int({ error: `must be ${what}` })
    .min(min, { error: `must be ${what}` })
    .max(max, { error: `must be ${what}` });

/** The as-of date alone: every public page and API endpoint accepts it. */
export const AsOfQuerySchema = z.object({ asOf: optional(AsOfSchema) });

/** Filters of the agreement list, shared by the page, the API and the CSV downloads. */
export const AgreementFilterSchema = AsOfQuerySchema.extend({
  q: optional(text({ nul: 'must not contain the NUL character' }).trim().max(200, { error: 'must be at most 200 characters' })),
  sector: optional(SlugSchema),
  party: optional(SlugSchema),
  kind: optional(z.enum(AgreementKind, { error: `must be one of ${Object.keys(AgreementKind).join(', ')}` })),
  status: optional(z.enum(LifecycleStatus, { error: `must be one of ${Object.keys(LifecycleStatus).join(', ')}` })),
  signedYear: optional(wholeNumber('a year such as 2021', 1900, 2100)),
  band: optional(z.enum(BANDS, { error: `must be one of ${BANDS.join(', ')}` })),
});

export const AgreementListQuerySchema = AgreementFilterSchema.extend({
  sort: optional(z.enum(AGREEMENT_SORTS, { error: `must be one of ${AGREEMENT_SORTS.join(', ')}` })),
  page: optional(wholeNumber('a page number from 1', 1, 100_000)).transform((page) => page ?? 1),
  perPage: optional(wholeNumber(`a number from 1 to ${MAX_PER_PAGE}`, 1, MAX_PER_PAGE)).transform((n) => n ?? DEFAULT_PER_PAGE),
});

/** CSV downloads: the list's filters and order, without pagination. */
export const AgreementExportQuerySchema = AgreementFilterSchema.extend({ sort: AgreementListQuerySchema.shape.sort });

/** The agreement page: `timeline=all` shows every verified update instead of the latest ones. */
export const AgreementPageQuerySchema = AsOfQuerySchema.extend({
  timeline: optional(z.enum(['all'], { error: 'must be "all" or left out' })),
});

/** Sector and party pages: their agreement list is paginated too. */
export const ScopePageQuerySchema = AsOfQuerySchema.extend({
  page: AgreementListQuerySchema.shape.page,
});

export type AgreementFilterInput = z.infer<typeof AgreementFilterSchema>;
export type AgreementListQueryInput = z.infer<typeof AgreementListQuerySchema>;

export interface QueryIssue {
  parameter: string;
  message: string;
}

/** A page's `searchParams`, once awaited. */
export type SearchParams = Record<string, string | string[] | undefined>;
export type RawQuery = URLSearchParams | SearchParams;

function entriesOf(raw: RawQuery): [string, string[]][] {
  if (raw instanceof URLSearchParams) {
    return [...new Set(raw.keys())].map((key) => [key, raw.getAll(key)]);
  }
  return Object.entries(raw)
    .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
    .map(([key, value]) => [key, Array.isArray(value) ? value : [value]]);
}

/**
 * Parses query parameters. Lenient mode (pages) drops each invalid or repeated parameter and reports
 * it; strict mode (the API) also reports unknown ones. Either way the result is always usable.
 */
export function parseQuery<S extends z.ZodObject>(
  schema: S,
  raw: RawQuery,
  options: { strict?: boolean } = {},
): { data: z.infer<S>; issues: QueryIssue[] } {
  const known = new Set(Object.keys(schema.shape));
  const issues: QueryIssue[] = [];
  const input: Record<string, string> = {};
  for (const [key, values] of entriesOf(raw)) {
    if (!known.has(key)) {
      if (options.strict) issues.push({ parameter: key, message: `Unknown parameter "${key}".` });
      continue;
    }
    if (values.length > 1) {
      issues.push({ parameter: key, message: `"${key}" may be given only once.` });
      continue;
    }
    input[key] = values[0] ?? '';
  }
  let parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const parameter = String(issue.path[0] ?? '');
      if (issues.some((known) => known.parameter === parameter)) continue;
      issues.push({ parameter, message: `"${parameter}" ${issue.message}.` });
      delete input[parameter];
    }
    parsed = schema.safeParse(input);
  }
  // Every field is optional or defaulted, so the input without the bad parameters always parses.
  return { data: (parsed.success ? parsed.data : schema.parse({})) as z.infer<S>, issues };
}

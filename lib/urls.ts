// Links that keep the public view's state (filters, page, as-of date) in the URL, so every view can be
// shared, bookmarked and used without JavaScript.

export type QueryValues = Record<string, string | number | null | undefined>;

/** `path` with the given parameters, leaving out empty ones, in the order given. */
export function hrefWith(path: string, params: QueryValues = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** A link inside the public view that carries the as-of date forward. */
export function withAsOf(path: string, asOf: string | null | undefined): string {
  return hrefWith(path, { asOf });
}

/**
 * The same address without its empty parameters, or null when it has none. A plain GET form submits
 * every field, chosen or not; redirecting to this keeps shared and bookmarked addresses short.
 */
export function withoutEmptyParameters(path: string, query: Record<string, string | string[] | undefined>): string | null {
  const entries = Object.entries(query).flatMap(([key, value]) =>
    Array.isArray(value) ? value.map((item) => [key, item] as const) : value === undefined ? [] : [[key, value] as const],
  );
  if (!entries.some(([, value]) => value.trim() === '')) return null;
  const search = new URLSearchParams(entries.filter(([, value]) => value.trim() !== '').map(([key, value]) => [key, value]));
  const rest = search.toString();
  return rest ? `${path}?${rest}` : path;
}

/** An update on its agreement page; the full timeline, since the page shows only the latest updates by default. */
export function updateHref(slug: string, updateId: string, asOf?: string | null): string {
  return `${hrefWith(`/agreements/${slug}`, { asOf, timeline: 'all' })}#update-${updateId}`;
}

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Route parameters are ids only if they look like one; anything else is a 404, not a query error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

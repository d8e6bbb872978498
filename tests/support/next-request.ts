// Stand-ins for Next.js's request-scoped APIs, so server actions and data functions run in Vitest
// exactly as in a request: the real session decoding, database re-read and permission checks.
import { vi } from 'vitest';

export const request = {
  cookies: new Map<string, string>(),
  headers: new Headers({ host: 'localhost:3000', 'x-forwarded-for': '127.0.0.1' }),
  reset() {
    this.cookies.clear();
    this.headers = new Headers({ host: 'localhost:3000', 'x-forwarded-for': '127.0.0.1' });
  },
};

vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
  headers: async () => request.headers,
}));

/** Cache invalidations requested by the code under test. */
export const invalidatedTags: string[] = [];

vi.mock('../../lib/revalidate.ts', () => ({
  invalidateTags: (tags: readonly string[]) => void invalidatedTags.push(...tags),
}));

vi.mock('next/cache', () => ({
  revalidatePath: () => undefined,
  refresh: () => undefined,
  unstable_cache: <T extends (...args: never[]) => unknown>(fn: T) => fn,
}));

/** What `redirect()` threw, so a test can tell "allowed and redirected" from a refusal. */
export function redirectTarget(error: unknown): string | null {
  const digest = (error as { digest?: string } | null)?.digest;
  if (typeof digest !== 'string' || !digest.startsWith('NEXT_REDIRECT')) return null;
  return digest.split(';')[2] ?? null;
}

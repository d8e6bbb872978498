// Outside a Next.js server `unstable_cache` has no cache to use; tests call cached reads straight
// through (`vi.mock('next/cache', () => passThroughCache)`).
export const passThroughCache = {
  unstable_cache: <F extends (...args: never[]) => unknown>(fn: F) => fn,
};

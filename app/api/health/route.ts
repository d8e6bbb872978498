import { cacheStats } from '@/lib/cache/memory-cache-handler.mjs';
import { pingDatabase } from '@/lib/data/instance.ts';

export async function GET() {
  const database = await pingDatabase();
  // `cache.trusted`: whether this instance receives the others' invalidations (it serves uncached while not).
  return Response.json(
    { status: database ? 'ok' : 'unavailable', database: database ? 'up' : 'down', cache: cacheStats() },
    { status: database ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}

import { pingDatabase } from '@/lib/data/instance.ts';

export async function GET() {
  const database = await pingDatabase();
  return Response.json(
    { status: database ? 'ok' : 'unavailable', database: database ? 'up' : 'down' },
    { status: database ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}

import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/next-auth.ts';
import { isSameOriginRequest } from '@/lib/http/request-context.ts';

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>;
}

export { handler as GET };

export async function POST(request: Request, context: Context) {
  if (!isSameOriginRequest(request.headers, request.url)) {
    return Response.json({ error: 'cross-origin request refused' }, { status: 403 });
  }
  return handler(request, context);
}

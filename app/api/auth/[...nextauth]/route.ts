import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/options';
import { sendQueuedEmailAfterResponse } from '@/server/email/after-request';
import { observedRoute } from '@/server/observability/request-log';

async function handle(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  try {
    return await NextAuth(authOptions())(request, context);
  } finally {
    // A sign-in refused for inactivity has just queued the re-verification email.
    sendQueuedEmailAfterResponse();
  }
}

const handler = observedRoute('/api/auth', handle);

export { handler as GET, handler as POST };

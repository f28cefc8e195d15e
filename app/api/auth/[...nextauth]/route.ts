import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/options';
import { sendQueuedEmailAfterResponse } from '@/server/email/after-request';

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  try {
    return await NextAuth(authOptions())(request, context);
  } finally {
    // A sign-in refused for inactivity has just queued the re-verification email.
    sendQueuedEmailAfterResponse();
  }
}

export { handler as GET, handler as POST };

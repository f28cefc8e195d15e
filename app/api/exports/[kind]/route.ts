import { getDb, getReportDb } from '@/db/client';
import { currentSessionId } from '@/server/auth/current';
import { sessionTimeouts } from '@/server/env';
import { exportRoutes } from '@/server/services/exports/export-routes';
import { resolveViewer } from '@/server/services/identity/viewer';

export const dynamic = 'force-dynamic';

// A route handler rather than a procedure: the answer is a CSV file streamed as it is read, not JSON.
export const { GET } = exportRoutes({
  // Exports read from the replica when one is configured; the session is always checked on the
  // primary, so that a sign-out or a deactivation ends access at once, not after the replica's lag.
  reportDb: getReportDb,
  viewer: async () => {
    const sessionId = await currentSessionId();
    const viewer = sessionId ? await resolveViewer(getDb(), sessionId, new Date(), sessionTimeouts()) : null;
    // A session still owing its second factor (or its set-up) can do nothing else, here too.
    return viewer?.secondFactor === 'satisfied' ? viewer : null;
  },
});

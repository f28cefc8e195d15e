import { getDb } from '@/db/client';
import { currentSessionId } from '@/server/auth/current';
import { serverEnv, sessionTimeouts } from '@/server/env';
import { productPictureRoutes } from '@/server/services/catalog/pictures/picture-routes';
import { resolveViewer } from '@/server/services/identity/viewer';

export const dynamic = 'force-dynamic';

// A route handler rather than a procedure: the file (up to 10 MB) is streamed as multipart, not JSON.
export const { POST, DELETE } = productPictureRoutes({
  db: getDb,
  viewer: async () => {
    const sessionId = await currentSessionId();
    const viewer = sessionId ? await resolveViewer(getDb(), sessionId, new Date(), sessionTimeouts()) : null;
    // A session still owing its second factor (or its set-up) can do nothing else, here too.
    return viewer?.secondFactor === 'satisfied' ? viewer : null;
  },
  appUrl: () => serverEnv().APP_URL,
});

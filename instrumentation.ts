/** Next.js calls this once per server process at start. */
export async function register() {
  // Only the Node server of `npm start` drains; the launcher asks for it with NEXT_MANUAL_SIG_HANDLE.
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_MANUAL_SIG_HANDLE === 'true') {
    const [{ drainOnSigterm }, { serverEnv }] = await Promise.all([
      import('./server/launch/draining'),
      import('./server/env'),
    ]);
    drainOnSigterm(serverEnv().DRAIN_SECONDS);
  }
}

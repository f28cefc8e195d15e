/*
 * Countersign's service worker: it shows push notifications and opens them, nothing else. It
 * caches nothing and has no fetch handler, so every page still comes from the server, checked
 * against the session (a signed-in page is never kept on the device).
 */

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

/** A path of this site from a push's link; anything pointing elsewhere opens the home page. */
function sameOriginUrl(link) {
  try {
    const url = new URL(typeof link === 'string' ? link : '/', self.location.origin);
    return url.origin === self.location.origin ? url.href : self.location.origin + '/';
  } catch {
    return self.location.origin + '/';
  }
}

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  const title = typeof data.title === 'string' && data.title ? data.title : 'Countersign';
  const orderNumber = typeof data.orderNumber === 'string' ? data.orderNumber : null;
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      // One notification per order: a newer push about it replaces the older one.
      tag: orderNumber || 'countersign',
      renotify: Boolean(orderNumber),
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: sameOriginUrl(data.url) },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = sameOriginUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => client.url === target) || windows[0];
      if (open) {
        try {
          await open.focus();
          if (open.url !== target) await open.navigate(target);
          return;
        } catch {
          // A window this worker does not control cannot be sent elsewhere from here: open one.
        }
      }
      await self.clients.openWindow(target);
    })(),
  );
});

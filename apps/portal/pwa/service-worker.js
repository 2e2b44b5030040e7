/* global self, caches, fetch, URL, Response */
// The portal's service worker. The build (pwa/pwa-plugin.ts) replaces the two placeholders below with
// this build's files and a version derived from their contents, so a new build installs a new cache.
//
// What it caches: only the app's own static files (HTML shell, hashed JS/CSS, icons, manifest). It never
// touches /api/ (personal data stays out of the cache: the card page keeps its own card number and name
// in localStorage) nor /console/ (the staff app shares this origin).
const PRECACHE = self.__TALLY_PRECACHE__;
const VERSION = self.__TALLY_VERSION__;
const CACHE = `tally-portal-${VERSION}`;
const SHELL = '/index.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith('tally-portal-') && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

function isPortalAsset(url) {
  if (url.origin !== self.location.origin) return false;
  const path = url.pathname;
  return !(
    path === '/api' ||
    path.startsWith('/api/') ||
    path === '/console' ||
    path.startsWith('/console/')
  );
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!isPortalAsset(url)) return;

  if (request.mode === 'navigate') {
    // The page itself: the network first, so a new build shows at once; offline, the cached shell
    // (every portal route is the same index.html, the router picks the page).
    event.respondWith(
      fetch(request).catch(() => caches.match(SHELL).then((cached) => cached ?? Response.error())),
    );
    return;
  }

  // Hashed files never change under the same name: the cache first, the network for anything else.
  event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
});

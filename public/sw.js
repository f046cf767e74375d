// The service worker: the portal opens and a draft can be filled without a connection.
// scripts/pwa.mjs writes the release and its files into the copy in dist/; a new release gets a new
// cache and the old one is deleted, so a page never mixes an old Wasm with a new API.
const RELEASE = '__RELEASE__';
const PRECACHE = __PRECACHE__;
const CACHE = `motcua-${RELEASE}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

/** The app page that owns a path: the rule of api/src/area.rs (FrontEndArea::of_path). */
function pageOf(pathname) {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length === 0) return '/index.html';
  if (segments[0] === 'can-bo') return '/staff.html';
  if (segments[0] === 'thu-tuc' && segments[2] === 'nop-ho-so') return '/filing.html';
  if (['tra-cuu', 'ho-so-cua-toi', 'ket-qua-giai-quyet'].includes(segments[0]) && segments.length === 1) return '/services.html';
  if (segments[0] === 'ho-so') return '/services.html';
  return '/catalog.html';
}

/** The code of the procedure whose page or form a path is, if it is one. */
function procedureOf(pathname) {
  const segments = pathname.split('/').filter(Boolean);
  return segments[0] === 'thu-tuc' && segments.length >= 2 ? segments[1] : null;
}

/**
 * Where a page is kept: under its app's page, except a procedure's, which the server sends with
 * the procedure drawn in (server/src/front_end/with_procedure.rs) and is kept under its own path.
 */
function pageKeys(pathname) {
  const page = pageOf(pathname);
  return page === '/catalog.html' && procedureOf(pathname) ? [pathname, page] : [page];
}

/**
 * Network first; what came back is kept under the first key, and when the network cannot answer
 * the first key kept answers.
 */
async function networkFirst(request, keys = [request]) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(keys[0], response.clone());
    return response;
  } catch (offline) {
    for (const key of keys) {
      const kept = await cache.match(key);
      if (kept) return kept;
    }
    throw offline;
  }
}

/** Files named by their content hash never change: the kept copy is always right. */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, pageKeys(url.pathname)));
    // A procedure's pages come with it and the app does not ask the API: the API's copy is kept
    // here, for these pages and the form opened later without a connection.
    const procedure = procedureOf(url.pathname);
    if (procedure) event.waitUntil(networkFirst(new Request(`/api/procedures/${procedure}`)).catch(() => {}));
  } else if (url.pathname === '/api/procedures' || url.pathname.startsWith('/api/procedures/')) {
    event.respondWith(networkFirst(request));
  } else if (!url.pathname.startsWith('/api/')) {
    event.respondWith(/-[0-9a-f]{12,16}[._]/.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
  }
});

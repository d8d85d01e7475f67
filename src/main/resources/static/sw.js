// Service worker of the installable app (issue 21). It is registered only for the roles that work in the field
// (驻站社工, 站长). It keeps the app shell — the 离线记录 page, styles and scripts — so that page opens with no
// network; any page asked for while offline (回访表、服务记录表、台账…) opens it instead, and it picks the matching
// form. People and due lists are never put in this cache: the page keeps the masked working set in IndexedDB,
// and /api answers always go to the network. Logging out deletes these caches.
var VERSION = 'sgz-shell-v2';
var SHELL = ['/field', '/css/app.css', '/js/app.js', '/js/uploader.js', '/js/offline.js', '/js/field.js', '/manifest.webmanifest',
  '/icons/icon-192.png'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(VERSION).then(function (cache) {
    return cache.addAll(SHELL.map(function (u) { return new Request(u, { credentials: 'same-origin' }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('sgz-shell-') === 0 && k !== VERSION; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function isShellAsset(path) {
  return /^\/(css|js|icons|webjars)\//.test(path) || path === '/manifest.webmanifest';
}

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET') { return; }
  var url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf('/api/') === 0) { return; }
  if (req.mode === 'navigate') {
    event.respondWith(fetch(req).then(function (res) {
      if (url.pathname === '/field' && res.ok && !res.redirected) {
        var copy = res.clone();
        caches.open(VERSION).then(function (c) { c.put('/field', copy); });
      }
      return res;
    }).catch(function () {
      return caches.match('/field').then(function (hit) {
        return hit || new Response('<!doctype html><meta charset="utf-8"><p>当前没有网络，离线页面尚未保存：请在有网时登录一次。</p>',
          { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
      });
    }));
    return;
  }
  if (isShellAsset(url.pathname)) {
    // cache first for speed on a weak network, refreshed in the background
    event.respondWith(caches.open(VERSION).then(function (cache) {
      return cache.match(req).then(function (hit) {
        var net = fetch(req).then(function (res) {
          if (res.ok) { cache.put(req, res.clone()); }
          return res;
        });
        if (hit) { net.catch(function () {}); return hit; }
        return net;
      });
    }));
  }
});

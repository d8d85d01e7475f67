// Offline work (issue 21), loaded on every signed-in page. For the roles that work in the field (驻站社工, 站长) it
// registers the service worker, keeps the masked working set (due follow-ups, the station's people) in IndexedDB,
// shows 待同步 N in the top bar, sends the queue of entries made offline when the network is back — in the order
// they were made, each under its own client id so a retry is stored once — and warns before logging out with
// entries not yet sent; logging out clears everything kept on the phone. For every other role it keeps nothing
// and removes whatever an earlier account left.
(function () {
  var meta = document.querySelector('meta[name="sgz-offline"]');
  if (!meta) { return; }
  var ROLE = meta.content;
  var USER = meta.getAttribute('data-user');
  var FIELD = ROLE === 'SOCIAL_WORKER' || ROLE === 'STATION_HEAD';
  var DB_NAME = 'sgz-offline';
  var WORKING_SET_MAX_AGE = 10 * 60 * 1000;
  var listeners = [];
  var dbPromise = null;

  function openDb() {
    if (dbPromise) { return dbPromise; }
    dbPromise = new Promise(function (resolve, reject) {
      var rq = indexedDB.open(DB_NAME, 1);
      rq.onupgradeneeded = function () {
        var db = rq.result;
        if (!db.objectStoreNames.contains('entries')) { db.createObjectStore('entries', { keyPath: 'clientId' }); }
        if (!db.objectStoreNames.contains('meta')) { db.createObjectStore('meta', { keyPath: 'key' }); }
      };
      rq.onsuccess = function () { resolve(rq.result); };
      rq.onerror = function () { reject(rq.error); };
    });
    return dbPromise;
  }

  function tx(store, mode, fn) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(store, mode);
        var result;
        var r = fn(t.objectStore(store));
        if (r) { r.onsuccess = function () { result = r.result; }; }
        t.oncomplete = function () { resolve(result); };
        t.onerror = function () { reject(t.error); };
        t.onabort = function () { reject(t.error); };
      });
    });
  }

  function allEntries() {
    return tx('entries', 'readonly', function (s) { return s.getAll(); }).then(function (list) {
      return (list || []).filter(function (e) { return e.owner === USER; })
        .sort(function (a, b) { return a.seq - b.seq; });
    });
  }
  function getEntry(id) { return tx('entries', 'readonly', function (s) { return s.get(id); }); }
  function putEntry(e) { return tx('entries', 'readwrite', function (s) { return s.put(e); }).then(notify); }
  function deleteEntry(id) { return tx('entries', 'readwrite', function (s) { return s.delete(id); }).then(notify); }
  function getMeta(key) {
    return tx('meta', 'readonly', function (s) { return s.get(key); }).then(function (r) { return r ? r.value : null; });
  }
  function setMeta(key, value) { return tx('meta', 'readwrite', function (s) { return s.put({ key: key, value: value }); }); }

  function unsent(e) { return e.state !== 'synced'; }
  function pendingCount() {
    return allEntries().then(function (list) { return list.filter(unsent).length; });
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }

  function onChange(fn) { listeners.push(fn); }
  function notify() {
    listeners.forEach(function (fn) { try { fn(); } catch (e) { /* a listener's failure is its own */ } });
  }

  // ---- working set ---------------------------------------------------------------------------------------
  var lastCsrf = null;
  function refreshWorkingSet(force) {
    return getMeta('workingSet').then(function (ws) {
      if (!force && ws && ws.username === USER && Date.now() - ws.savedAt < WORKING_SET_MAX_AGE) { return ws; }
      return fetch('/api/v1/offline/working-set', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (res) {
          if (!res.ok) {
            var err = new Error(res.status === 401 ? '登录已失效，请重新登录后再同步（离线记录仍保存在手机上）' : '无法取得离线工作集（' + res.status + '）');
            err.status = res.status;
            throw err;
          }
          return res.json();
        })
        .then(function (fresh) {
          lastCsrf = fresh.csrf;
          fresh.savedAt = Date.now();
          delete fresh.csrf;
          return setMeta('workingSet', fresh).then(function () { notify(); return fresh; });
        });
    });
  }
  function workingSet() {
    return getMeta('workingSet').then(function (ws) { return ws && ws.username === USER ? ws : null; });
  }

  function csrfHeaders() {
    var h = {};
    if (lastCsrf && lastCsrf.token) {
      h[lastCsrf.headerName] = lastCsrf.token;
    } else {
      var m = document.querySelector('meta[name="_csrf"]');
      var n = document.querySelector('meta[name="_csrf_header"]');
      if (m && n) { h[n.content] = m.content; }
    }
    return h;
  }

  // ---- sync -----------------------------------------------------------------------------------------------
  var syncing = null;
  var lastError = null;

  function problemText(body, status) {
    if (!body) { return '服务器拒绝（' + status + '）'; }
    var text = body.message || ('服务器拒绝（' + status + '）');
    if (body.details && body.details.length) {
      var parts = body.details.map(function (d) { return d.message; }).filter(function (m) { return m && m !== text; });
      if (parts.length) { text += '：' + parts.join('；'); }
    }
    return text;
  }
  function json(res) { return res.json().catch(function () { return null; }); }
  function refusal(status) { return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429; }

  function sendEntry(e) {
    var post = e.result ? Promise.resolve('sent') : fetch('/api/v1/offline/entries', {
      method: 'POST', credentials: 'same-origin',
      headers: Object.assign({ 'Content-Type': 'application/json', Accept: 'application/json' }, csrfHeaders()),
      body: JSON.stringify(e.payload)
    }).then(function (res) {
      if (res.status === 200 || res.status === 201) {
        return res.json().then(function (r) { e.result = r; e.state = 'uploading'; e.reason = null; e.conflict = null; return putEntry(e); })
          .then(function () { return 'sent'; });
      }
      if (res.status === 409) {
        return json(res).then(function (body) {
          e.state = 'conflict'; e.reason = problemText(body, 409); e.conflict = body;
          return putEntry(e).then(function () { return 'next'; });
        });
      }
      if (refusal(res.status)) {
        return json(res).then(function (body) {
          e.state = 'refused'; e.reason = problemText(body, res.status);
          return putEntry(e).then(function () { return 'next'; });
        });
      }
      if (res.status === 401) { lastError = '登录已失效，请重新登录后再同步（离线记录仍保存在手机上）'; }
      return 'stop';
    });
    return post.then(function (step) {
      if (step !== 'sent') { return step; }
      return uploadPhotos(e, 0);
    }).then(function (step) {
      if (step !== 'sent') { return step; }
      return fetch('/api/v1/offline/entries/' + encodeURIComponent(e.clientId), { credentials: 'same-origin' })
        .then(function (res) { return res.ok ? res.json() : null; })
        .then(function (r) {
          if (r) { e.result = r; }
          e.state = 'synced'; e.syncedAt = new Date().toISOString();
          return putEntry(e).then(function () { return 'next'; });
        });
    });
  }

  // Photos go through the shared chunked uploader (js/uploader.js), under the photo's own id: shrunk once (EXIF time
  // and place kept) and the smaller copy kept in place of the original, so a sync cut off mid-photo continues from
  // the last byte the server has, on this visit or the next, and a photo completed twice is stored once.
  function uploadPhotos(e, i) {
    var photos = e.photos || [];
    if (i >= photos.length) { return Promise.resolve('sent'); }
    var p = photos[i];
    if (p.uploaded || !e.result || !e.result.serviceRecordId) { return uploadPhotos(e, i + 1); }
    var U = window.SgzUploader;
    if (!U) { lastError = '上传组件未加载，请在有网时刷新页面后再同步'; return Promise.resolve('stop'); }
    var ready = p.shrunk ? Promise.resolve() : U.shrink(p.blob).then(function (r) {
      if (r.shrunk) { p.blob = r.blob; p.size = r.blob.size; }
      p.shrunk = true;
      return putEntry(e);
    });
    return ready.then(function () {
      return U.upload({
        blob: p.blob, uploadId: p.id, name: p.name || (p.id + '.jpg'), resume: true, headers: csrfHeaders,
        completeUrl: '/api/v1/service-records/' + e.result.serviceRecordId + '/photos/{uploadId}/complete?source=GALLERY'
      });
    }).then(function (res) {
      if (res.ok) {
        p.uploaded = true; p.blob = null;
        return putEntry(e).then(function () { return uploadPhotos(e, i + 1); });
      }
      if (res.refused && res.status !== 401) {
        e.state = 'refused';
        e.reason = '记录已保存到服务器，但照片“' + (p.name || p.id) + '”未能上传：' + res.message;
        return putEntry(e).then(function () { return 'next'; });
      }
      if (res.status === 401) { lastError = '登录已失效，请重新登录后再同步（离线记录仍保存在手机上）'; }
      return 'stop';
    });
  }

  function sync() {
    if (!FIELD) { return Promise.resolve(); }
    if (syncing) { return syncing; }
    syncing = allEntries().then(function (list) {
      var todo = list.filter(function (e) { return e.state === 'pending' || e.state === 'uploading'; });
      if (!todo.length || !navigator.onLine) { return; }
      lastError = null;
      return refreshWorkingSet(true).then(function () {
        var chain = Promise.resolve('next');
        todo.forEach(function (e) {
          chain = chain.then(function (step) {
            if (step === 'stop') { return 'stop'; }
            return getEntry(e.clientId).then(function (fresh) {
              if (!fresh || (fresh.state !== 'pending' && fresh.state !== 'uploading')) { return 'next'; }
              return sendEntry(fresh);
            });
          });
        });
        return chain;
      });
    }).catch(function (err) {
      lastError = err && err.message ? err.message : '同步中断，稍后自动重试';
    }).then(function () { syncing = null; notify(); });
    return syncing;
  }

  // ---- clearing -------------------------------------------------------------------------------------------
  function clearAll() {
    var jobs = [];
    if (dbPromise) {
      jobs.push(dbPromise.then(function (db) { db.close(); }).catch(function () {}));
      dbPromise = null;
    }
    return Promise.all(jobs).then(function () {
      return new Promise(function (resolve) {
        var rq = indexedDB.deleteDatabase(DB_NAME);
        rq.onsuccess = rq.onerror = rq.onblocked = function () { resolve(); };
      });
    }).then(function () {
      return window.caches ? caches.keys().then(function (keys) {
        return Promise.all(keys.filter(function (k) { return k.indexOf('sgz-') === 0; }).map(function (k) { return caches.delete(k); }));
      }) : null;
    }).then(function () {
      return navigator.serviceWorker ? navigator.serviceWorker.getRegistrations().then(function (regs) {
        return Promise.all(regs.map(function (r) { return r.unregister(); }));
      }) : null;
    }).catch(function () {});
  }

  // ---- badge and logout -----------------------------------------------------------------------------------
  function badge() {
    var el = document.getElementById('offline-badge');
    if (!el) {
      var bar = document.querySelector('.topbar');
      if (!bar) { return; }
      el = document.createElement('a');
      el.id = 'offline-badge';
      el.className = 'offline-badge';
      el.href = '/field';
      el.setAttribute('data-testid', 'offline-badge');
      el.hidden = true;
      var who = bar.querySelector('.who');
      bar.insertBefore(el, who);
    }
    pendingCount().then(function (n) {
      el.setAttribute('data-pending', String(n));
      if (n > 0) {
        el.textContent = '待同步 ' + n;
        el.hidden = false;
      } else if (!navigator.onLine) {
        el.textContent = '离线';
        el.hidden = false;
      } else {
        el.textContent = '';
        el.hidden = true;
      }
      el.classList.toggle('offline', !navigator.onLine);
    }).catch(function () {});
  }

  function guardLogout() {
    document.querySelectorAll('form[action$="/logout"]').forEach(function (form) {
      form.addEventListener('submit', function (ev) {
        if (form.getAttribute('data-cleared') === '1') { return; }
        ev.preventDefault();
        pendingCount().catch(function () { return 0; }).then(function (n) {
          if (n > 0 && !window.confirm('手机上还有 ' + n + ' 条离线记录没有同步到服务器。退出登录会把它们从手机上删除，且无法恢复。\n\n'
              + '建议先回到有网络的地方，在“离线记录”页同步完成后再退出。仍要退出并删除吗？')) {
            return;
          }
          clearAll().then(function () {
            form.setAttribute('data-cleared', '1');
            form.submit();
          });
        });
      });
    });
  }

  window.SgzOffline = {
    field: FIELD, user: USER, uuid: uuid, allEntries: allEntries, getEntry: getEntry, putEntry: putEntry,
    deleteEntry: deleteEntry, workingSet: workingSet, refreshWorkingSet: refreshWorkingSet, sync: sync,
    pendingCount: pendingCount, onChange: onChange, lastError: function () { return lastError; },
    syncing: function () { return !!syncing; }
  };

  if (!FIELD) {
    // nothing is kept for roles that do not work in the field; remove what an earlier account may have left
    clearAll();
    return;
  }
  guardLogout();
  onChange(badge);
  badge();
  window.addEventListener('online', function () { badge(); sync(); });
  window.addEventListener('offline', badge);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () { /* no offline shell then */ });
  }
  if (navigator.onLine) {
    refreshWorkingSet(false).catch(function () {}).then(sync);
  }
})();

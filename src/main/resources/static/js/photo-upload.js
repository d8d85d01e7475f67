/*
 * Photos for village networks (record page): several photos at once, each shrunk in the browser before it is sent
 * (long side at most 2560 px) with its EXIF capture time and place carried over, per-photo progress, retries with
 * the same upload id (the server stores a retried photo once), and one refused photo never stops the others.
 * Without JavaScript the plain form still uploads one photo at a time.
 */
(function () {
  'use strict';
  var form = document.getElementById('photo-upload-form');
  if (!form || !window.fetch || !window.XMLHttpRequest || !window.Blob || !document.createElement('canvas').toBlob) {
    return;
  }
  var input = document.getElementById('photo-input');
  var purpose = document.getElementById('photo-purpose');
  var list = document.getElementById('photo-progress');
  var submit = document.getElementById('photo-submit');
  var csrf = document.querySelector('meta[name="_csrf"]');
  var api = form.getAttribute('data-api');
  var MAX_SIDE = 2560;
  var TARGET_BYTES = 800 * 1024;
  var RETRIES = 5;
  var duplicates = 0;
  input.setAttribute('multiple', 'multiple');

  function uid() {
    return (self.crypto && crypto.randomUUID) ? crypto.randomUUID()
      : String(Date.now()) + Math.random().toString(16).slice(2);
  }

  /* The APP1 "Exif" segment of a JPEG (bytes from the marker on), or null. */
  function exifSegment(bytes) {
    if (bytes.length < 4 || bytes[0] !== 0xFF || bytes[1] !== 0xD8) return null;
    var i = 2;
    while (i + 4 <= bytes.length && bytes[i] === 0xFF) {
      var marker = bytes[i + 1];
      var len = (bytes[i + 2] << 8) | bytes[i + 3];
      if (marker === 0xE1 && bytes[i + 4] === 0x45 && bytes[i + 5] === 0x78 && bytes[i + 6] === 0x69 && bytes[i + 7] === 0x66) {
        return bytes.slice(i, i + 2 + len);
      }
      if (marker === 0xDA) break; // image data: no more headers
      i += 2 + len;
    }
    return null;
  }

  /* The browser drew the photo upright, so the copied EXIF must say "upright" too (Orientation = 1). */
  function resetOrientation(seg) {
    var tiff = 10; // FF E1 len(2) "Exif\0\0"
    var little = seg[tiff] === 0x49;
    function u16(o) { return little ? seg[o] | (seg[o + 1] << 8) : (seg[o] << 8) | seg[o + 1]; }
    function u32(o) { return little ? (seg[o] | (seg[o + 1] << 8) | (seg[o + 2] << 16)) + seg[o + 3] * 16777216
      : seg[o] * 16777216 + ((seg[o + 1] << 16) | (seg[o + 2] << 8) | seg[o + 3]); }
    var ifd = tiff + u32(tiff + 4);
    if (ifd + 2 > seg.length) return seg;
    var n = u16(ifd);
    for (var k = 0; k < n; k++) {
      var e = ifd + 2 + k * 12;
      if (e + 12 > seg.length) break;
      if (u16(e) === 0x0112) {
        if (little) { seg[e + 8] = 1; seg[e + 9] = 0; } else { seg[e + 8] = 0; seg[e + 9] = 1; }
      }
    }
    return seg;
  }

  function withExif(jpegBytes, seg) {
    var out = new Uint8Array(jpegBytes.length + seg.length);
    out.set(jpegBytes.subarray(0, 2), 0);
    out.set(seg, 2);
    out.set(jpegBytes.subarray(2), 2 + seg.length);
    return out;
  }

  function encode(canvas, quality) {
    return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', quality); });
  }

  /* A JPEG larger than the target or the size limit is redrawn smaller; anything else is sent as it is. */
  function shrink(file) {
    if (file.type !== 'image/jpeg' || !window.createImageBitmap) return Promise.resolve({ blob: file, shrunk: false });
    return file.arrayBuffer().then(function (buf) {
      var original = new Uint8Array(buf);
      return createImageBitmap(file, { imageOrientation: 'from-image' }).then(function (bmp) {
        var scale = Math.min(1, MAX_SIDE / Math.max(bmp.width, bmp.height));
        if (scale === 1 && file.size <= TARGET_BYTES) return { blob: file, shrunk: false };
        var c = document.createElement('canvas');
        c.width = Math.round(bmp.width * scale);
        c.height = Math.round(bmp.height * scale);
        c.getContext('2d').drawImage(bmp, 0, 0, c.width, c.height);
        return encode(c, 0.82).then(function (b) {
          return b.size > TARGET_BYTES ? encode(c, 0.7) : b;
        }).then(function (b) {
          if (!b || b.size >= file.size) return { blob: file, shrunk: false };
          var seg = exifSegment(original);
          if (!seg) return { blob: b, shrunk: true };
          return b.arrayBuffer().then(function (nb) {
            var bytes = withExif(new Uint8Array(nb), resetOrientation(seg.slice()));
            return { blob: new Blob([bytes], { type: 'image/jpeg' }), shrunk: true };
          });
        });
      });
    }).catch(function () { return { blob: file, shrunk: false }; });
  }

  function line(name) {
    var li = document.createElement('li');
    li.setAttribute('data-testid', 'photo-progress-item');
    var label = document.createElement('span');
    label.textContent = name + '：';
    var state = document.createElement('span');
    state.setAttribute('data-testid', 'photo-progress-state');
    var bar = document.createElement('progress');
    bar.max = 100; bar.value = 0;
    li.appendChild(label); li.appendChild(state); li.appendChild(bar);
    list.appendChild(li);
    return { li: li, state: state, bar: bar };
  }

  function kb(n) { return n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : Math.round(n / 1024) + ' KB'; }

  /* One PUT; resolves with {status, body}; rejects on a network failure. */
  function put(url, blob, ui) {
    return new Promise(function (resolve, reject) {
      var x = new XMLHttpRequest();
      x.open('PUT', url);
      x.setRequestHeader('Content-Type', blob.type || 'application/octet-stream');
      if (csrf) x.setRequestHeader('X-CSRF-TOKEN', csrf.getAttribute('content'));
      x.upload.onprogress = function (e) { if (e.lengthComputable) ui.bar.value = Math.round(e.loaded * 100 / e.total); };
      x.onload = function () { resolve({ status: x.status, body: x.responseText }); };
      x.onerror = function () { reject(new Error('network')); };
      x.ontimeout = function () { reject(new Error('timeout')); };
      x.timeout = 120000;
      x.send(blob);
    });
  }

  function message(body) {
    try { var j = JSON.parse(body); return j.message || '上传失败'; } catch (e) { return '上传失败'; }
  }

  function send(file) {
    var ui = line(file.name);
    var id = uid();
    ui.state.textContent = '处理中…';
    return shrink(file).then(function (r) {
      var url = api + '/' + encodeURIComponent(id) + '?source=GALLERY&purpose=' + encodeURIComponent(purpose.value);
      ui.state.textContent = r.shrunk ? ('已压缩 ' + kb(file.size) + ' → ' + kb(r.blob.size) + '，上传中…') : ('上传中 ' + kb(r.blob.size) + '…');
      var attempt = 0;
      function tryOnce() {
        attempt++;
        return put(url, r.blob, ui).then(function (res) {
          if (res.status >= 200 && res.status < 300) {
            ui.bar.value = 100;
            try { var ph = JSON.parse(res.body).photo; if (ph && ph.duplicateOfId != null) duplicates++; } catch (ignored) { /* counted as uploaded */ }
            ui.state.textContent = '已上传' + (r.shrunk ? '（' + kb(r.blob.size) + '）' : '');
            ui.li.setAttribute('data-result', 'ok');
            return true;
          }
          if (res.status >= 500 && attempt < RETRIES) return retry();
          ui.state.textContent = '未上传：' + message(res.body);
          ui.li.setAttribute('data-result', 'refused');
          return false;
        }, function () {
          if (attempt < RETRIES) return retry();
          ui.state.textContent = '网络中断，未能上传，请稍后重试';
          ui.li.setAttribute('data-result', 'failed');
          return false;
        });
      }
      function retry() {
        ui.state.textContent = '网络不稳定，第 ' + attempt + ' 次重试…';
        // the same upload id: a photo that did arrive before the connection dropped is not stored twice
        return new Promise(function (res) { setTimeout(res, Math.min(8000, 1000 * attempt)); }).then(tryOnce);
      }
      return tryOnce();
    });
  }

  form.addEventListener('submit', function (e) {
    var files = Array.prototype.slice.call(input.files || []);
    if (files.length === 0) return; // the server says a photo is needed
    e.preventDefault();
    submit.disabled = true;
    list.innerHTML = '';
    list.hidden = false;
    var ok = 0;
    duplicates = 0;
    files.reduce(function (p, f) {
      return p.then(function () { return send(f).then(function (done) { if (done) ok++; }); });
    }, Promise.resolve()).then(function () {
      submit.disabled = false;
      input.value = '';
      if (ok > 0) {
        var done = document.createElement('p');
        done.setAttribute('data-testid', 'photo-progress-done');
        done.textContent = '已上传 ' + ok + ' 张，共 ' + files.length + ' 张。正在刷新…';
        list.appendChild(done);
        var refused = list.querySelectorAll('[data-result="refused"],[data-result="failed"]').length;
        // keep the page when something was refused, so the worker can read why
        if (refused === 0) {
          // the page says how many arrived and whether one repeats an earlier photo, as the plain form's notice does
          location.assign(location.pathname + '?uploaded=' + ok + '&duplicates=' + duplicates + '#photos');
        } else {
          done.textContent = '已上传 ' + ok + ' 张，共 ' + files.length + ' 张。';
          var a = document.createElement('a');
          a.href = location.pathname + '#photos';
          a.textContent = '刷新查看已上传的照片';
          a.addEventListener('click', function () { setTimeout(function () { location.reload(); }, 0); });
          list.appendChild(a);
        }
      }
    });
  });
})();

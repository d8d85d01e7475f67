/*
 * The one photo uploader for weak village networks (issue 16 item 4, issue 21 item 3), used by the record page's
 * photo form (photo-upload.js) and by the offline queue's sync (offline.js):
 *
 *   SgzUploader.shrink(file)  → {blob, shrunk}: a JPEG larger than 800 KB or 2560 px is redrawn with its long side at
 *                               most 2560 px; the original EXIF segment (capture time and place) is copied into the
 *                               new JPEG with Orientation set to 1 (the browser drew the photo upright).
 *   SgzUploader.upload(opts)  → {ok, status, body, message}: sends the blob in chunks to /api/v1/uploads/{uploadId}
 *                               (PATCH at Upload-Offset), asks the server how much arrived after a dropped
 *                               connection and continues from there, then completes the upload at opts.completeUrl.
 *                               The same upload id completed twice is stored once. A refusal (4xx) is answered with
 *                               the server's Chinese reason and never retried; network failures and 5xx are retried.
 */
(function () {
  'use strict';
  var MAX_SIDE = 2560;
  var TARGET_BYTES = 800 * 1024;
  var CHUNK = 256 * 1024;
  var RETRIES = 6;

  function uid() {
    if (self.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return String(Date.now()) + '-' + Math.random().toString(16).slice(2);
  }

  function defaultHeaders() {
    var h = {};
    var m = document.querySelector('meta[name="_csrf"]');
    var n = document.querySelector('meta[name="_csrf_header"]');
    if (m) { h[n ? n.content : 'X-CSRF-TOKEN'] = m.content; }
    return h;
  }

  // ---- shrinking, keeping EXIF ---------------------------------------------------------------------------
  /* The APP1 "Exif" segment of a JPEG (bytes from the marker on), or null. */
  function exifSegment(bytes) {
    if (bytes.length < 4 || bytes[0] !== 0xFF || bytes[1] !== 0xD8) { return null; }
    var i = 2;
    while (i + 4 <= bytes.length && bytes[i] === 0xFF) {
      var marker = bytes[i + 1];
      var len = (bytes[i + 2] << 8) | bytes[i + 3];
      if (marker === 0xE1 && bytes[i + 4] === 0x45 && bytes[i + 5] === 0x78 && bytes[i + 6] === 0x69 && bytes[i + 7] === 0x66) {
        return bytes.slice(i, i + 2 + len);
      }
      if (marker === 0xDA) { break; } // image data: no more headers
      i += 2 + len;
    }
    return null;
  }

  /* The browser drew the photo upright, so the copied EXIF must say "upright" too (Orientation = 1). */
  function resetOrientation(seg) {
    var tiff = 10; // FF E1 len(2) "Exif\0\0"
    var little = seg[tiff] === 0x49;
    function u16(o) { return little ? seg[o] | (seg[o + 1] << 8) : (seg[o] << 8) | seg[o + 1]; }
    function u32(o) {
      return little ? (seg[o] | (seg[o + 1] << 8) | (seg[o + 2] << 16)) + seg[o + 3] * 16777216
        : seg[o] * 16777216 + ((seg[o + 1] << 16) | (seg[o + 2] << 8) | seg[o + 3]);
    }
    var ifd = tiff + u32(tiff + 4);
    if (ifd + 2 > seg.length) { return seg; }
    var n = u16(ifd);
    for (var k = 0; k < n; k++) {
      var e = ifd + 2 + k * 12;
      if (e + 12 > seg.length) { break; }
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

  /* A JPEG larger than the target or 2560 px is redrawn smaller; anything else is sent as it is. */
  function shrink(file) {
    var type = file.type || '';
    if (type !== 'image/jpeg' || !window.createImageBitmap || !document.createElement('canvas').toBlob) {
      return Promise.resolve({ blob: file, shrunk: false });
    }
    return file.arrayBuffer().then(function (buf) {
      var original = new Uint8Array(buf);
      return createImageBitmap(file, { imageOrientation: 'from-image' }).then(function (bmp) {
        var scale = Math.min(1, MAX_SIDE / Math.max(bmp.width, bmp.height));
        if (scale === 1 && file.size <= TARGET_BYTES) { return { blob: file, shrunk: false }; }
        var c = document.createElement('canvas');
        c.width = Math.round(bmp.width * scale);
        c.height = Math.round(bmp.height * scale);
        c.getContext('2d').drawImage(bmp, 0, 0, c.width, c.height);
        if (bmp.close) { bmp.close(); }
        return encode(c, 0.82).then(function (b) {
          return b && b.size > TARGET_BYTES ? encode(c, 0.7) : b;
        }).then(function (b) {
          return b && b.size > TARGET_BYTES ? encode(c, 0.6) : b;
        }).then(function (b) {
          if (!b || b.size >= file.size) { return { blob: file, shrunk: false }; }
          var seg = exifSegment(original);
          if (!seg) { return { blob: b, shrunk: true }; }
          return b.arrayBuffer().then(function (nb) {
            var bytes = withExif(new Uint8Array(nb), resetOrientation(seg.slice()));
            return { blob: new Blob([bytes], { type: 'image/jpeg' }), shrunk: true };
          });
        });
      });
    }).catch(function () { return { blob: file, shrunk: false }; });
  }

  // ---- chunked, resumable upload ---------------------------------------------------------------------------
  function sha256(blob) {
    if (!self.crypto || !crypto.subtle || !blob.arrayBuffer) { return Promise.resolve(null); }
    return blob.arrayBuffer().then(function (b) { return crypto.subtle.digest('SHA-256', b); }).then(function (d) {
      return Array.prototype.map.call(new Uint8Array(d), function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
    }).catch(function () { return null; });
  }

  /* One request; resolves {status, body} (body parsed JSON or null), rejects on a network failure. */
  function request(method, url, headers, body, onProgress) {
    return new Promise(function (resolve, reject) {
      var x = new XMLHttpRequest();
      x.open(method, url);
      x.withCredentials = true;
      x.setRequestHeader('Accept', 'application/json');
      Object.keys(headers).forEach(function (k) { x.setRequestHeader(k, headers[k]); });
      if (onProgress && x.upload) {
        x.upload.onprogress = function (e) { if (e.lengthComputable) { onProgress(e.loaded); } };
      }
      x.onload = function () {
        var parsed = null;
        try { parsed = x.responseText ? JSON.parse(x.responseText) : null; } catch (ignored) { parsed = null; }
        resolve({ status: x.status, body: parsed });
      };
      x.onerror = function () { reject(new Error('network')); };
      x.onabort = function () { reject(new Error('abort')); };
      x.ontimeout = function () { reject(new Error('timeout')); };
      x.timeout = 120000;
      x.send(body == null ? null : body);
    });
  }

  function reason(res) {
    var b = res.body;
    if (!b) { return '服务器拒绝（' + res.status + '）'; }
    var text = b.message || ('服务器拒绝（' + res.status + '）');
    if (b.details && b.details.length) {
      var parts = b.details.map(function (d) { return d.message; }).filter(function (m) { return m && m !== text; });
      if (parts.length) { text += '：' + parts.join('；'); }
    }
    return text;
  }

  function wait(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  /*
   * opts: blob, uploadId, name, completeUrl, headers (function → extra headers, e.g. CSRF), onProgress(sent, total),
   * onState(text), chunkSize.
   */
  function upload(opts) {
    var blob = opts.blob;
    var id = opts.uploadId || uid();
    var total = blob.size;
    var base = '/api/v1/uploads/' + encodeURIComponent(id);
    var headers = opts.headers || defaultHeaders;
    var chunk = opts.chunkSize || CHUNK;
    var progress = opts.onProgress || function () {};
    var state = opts.onState || function () {};
    var failures = 0;
    var stats = { requests: 0, resumed: 0, bytes: 0 }; // bytes: photo bytes handed to the network, retries included

    function retryOr(fail) {
      failures++;
      if (failures > RETRIES) { return Promise.resolve(fail()); }
      state('网络不稳定，第 ' + failures + ' 次重试…');
      stats.resumed++;
      return wait(Math.min(8000, 800 * failures)).then(where).then(next, function () { return retryOr(fail); });
    }

    /* How many bytes the server has (0 when it has none of this upload). */
    function where() {
      stats.requests++;
      return request('GET', base, headers(), null).then(function (res) {
        if (res.status === 200 && res.body) { return res.body.complete ? total : res.body.receivedBytes; }
        if (res.status === 404) { return 0; }
        throw new Error('status ' + res.status);
      });
    }

    function refused(res) {
      return { ok: false, refused: true, status: res.status, body: res.body, message: reason(res), uploadId: id, stats: stats };
    }
    function failed() {
      return { ok: false, refused: false, status: 0, message: '网络中断，未能上传，稍后会从断开处继续', uploadId: id, stats: stats };
    }

    function next(offset) {
      if (offset >= total) { return complete(); }
      var end = Math.min(total, offset + chunk);
      var h = headers();
      h['Content-Type'] = 'application/octet-stream';
      h['Upload-Offset'] = String(offset);
      h['Upload-Length'] = String(total);
      if (digest) { h['Upload-Sha256'] = digest; }
      var url = base + (opts.name ? '?name=' + encodeURIComponent(opts.name) : '');
      stats.requests++;
      stats.bytes += end - offset;
      return request('PATCH', url, h, blob.slice(offset, end), function (loaded) { progress(offset + loaded, total); })
        .then(function (res) {
          if (res.status === 200 && res.body) {
            failures = 0;
            progress(res.body.receivedBytes, total);
            return next(res.body.receivedBytes);
          }
          if (res.status === 409 && res.body && res.body.receivedBytes != null) {
            // the server has more (or less) than this piece assumed, e.g. a reply lost with the connection
            return next(res.body.receivedBytes);
          }
          if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) { return refused(res); }
          return retryOr(failed);
        }, function () { return retryOr(failed); });
    }

    function complete() {
      state('正在保存…');
      stats.requests++;
      return request('POST', opts.completeUrl.replace('{uploadId}', encodeURIComponent(id)), headers(), null)
        .then(function (res) {
          if (res.status >= 200 && res.status < 300) {
            progress(total, total);
            return { ok: true, status: res.status, body: res.body, uploadId: id, stats: stats };
          }
          if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) { return refused(res); }
          return retryOr(failed);
        }, function () { return retryOr(failed); });
    }

    var digest = null;
    return sha256(blob).then(function (d) {
      digest = d;
      // an upload started earlier (a page reloaded, an offline entry synced again) continues where it stopped
      return opts.resume ? where().catch(function () { return 0; }) : 0;
    }).then(next);
  }

  window.SgzUploader = { uid: uid, shrink: shrink, upload: upload, chunkSize: CHUNK, maxSide: MAX_SIDE, targetBytes: TARGET_BYTES };
})();

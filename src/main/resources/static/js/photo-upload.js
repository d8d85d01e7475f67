/*
 * Photos for village networks (record page): several photos at once, each shrunk in the browser before it is sent
 * (long side at most 2560 px) with its EXIF capture time and place carried over, per-photo progress, sent in chunks
 * that resume after a dropped connection from the last byte the server has (js/uploader.js, shared with the offline
 * queue), and one refused photo never stops the others. Without JavaScript the plain form still uploads one photo
 * at a time.
 */
(function () {
  'use strict';
  var form = document.getElementById('photo-upload-form');
  var U = window.SgzUploader;
  if (!form || !U || !window.fetch || !window.XMLHttpRequest || !window.Blob) {
    return;
  }
  var input = document.getElementById('photo-input');
  var purpose = document.getElementById('photo-purpose');
  var list = document.getElementById('photo-progress');
  var submit = document.getElementById('photo-submit');
  var api = form.getAttribute('data-api');
  var duplicates = 0;
  input.setAttribute('multiple', 'multiple');

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

  function send(file) {
    var ui = line(file.name);
    ui.state.textContent = '处理中…';
    return U.shrink(file).then(function (r) {
      var sending = r.shrunk ? ('已压缩 ' + kb(file.size) + ' → ' + kb(r.blob.size) + '，上传中') : ('上传中 ' + kb(r.blob.size));
      ui.state.textContent = sending + '…';
      ui.li.setAttribute('data-bytes', String(r.blob.size));
      var id = U.uid();
      var opts = {
        blob: r.blob,
        uploadId: id,
        name: file.name,
        completeUrl: api + '/{uploadId}/complete?source=GALLERY&purpose=' + encodeURIComponent(purpose.value),
        onProgress: function (sent, total) {
          ui.bar.value = Math.round(sent * 100 / Math.max(1, total));
          ui.state.textContent = sending + ' ' + ui.bar.value + '%…';
        },
        onState: function (text) { ui.state.textContent = text; }
      };
      var sentBefore = 0;
      function finish(res) {
        sentBefore += res.stats ? res.stats.bytes : 0;
        ui.li.setAttribute('data-sent', String(sentBefore));
        if (res.ok) {
          ui.bar.value = 100;
          var ph = res.body && res.body.photo;
          if (ph && ph.duplicateOfId != null) { duplicates++; }
          ui.state.textContent = '已上传' + (r.shrunk ? '（' + kb(r.blob.size) + '）' : '');
          ui.li.setAttribute('data-result', 'ok');
          return true;
        }
        ui.li.setAttribute('data-result', res.refused ? 'refused' : 'failed');
        if (res.refused) {
          ui.state.textContent = '未上传：' + res.message;
          return false;
        }
        // the network stayed down through every retry: the server keeps what arrived; continue from there on a tap
        ui.state.textContent = '网络中断，已传的部分保存在服务器上。';
        var again = document.createElement('button');
        again.type = 'button';
        again.className = 'secondary';
        again.textContent = '继续上传';
        again.setAttribute('data-testid', 'photo-resume');
        again.addEventListener('click', function () {
          again.remove();
          ui.li.removeAttribute('data-result');
          opts.resume = true;
          U.upload(opts).then(finish);
        });
        ui.li.appendChild(again);
        return false;
      }
      return U.upload(opts).then(finish);
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
        // what this batch cost on the network (bytes handed to it, retries included), for the record page and benches
        try {
          var sent = 0;
          list.querySelectorAll('[data-sent]').forEach(function (li) { sent += Number(li.getAttribute('data-sent')) || 0; });
          sessionStorage.setItem('sgz-upload-sent', String(sent));
        } catch (ignored) { /* private mode: nothing kept */ }
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

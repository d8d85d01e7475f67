// The 离线记录 page (issue 21): records follow-ups and services into the phone's queue (IndexedDB, through
// offline.js), shows every entry with its state — 待同步, 已同步 · 计入 / 不计入 and why, 被拒绝 and why, 冲突 with
// both versions — and lists the due follow-ups, the worker's open cases (个案过程记录 is recorded here too) and the
// station's people from the working set kept on the phone.
// Photos are kept as the original files, so their EXIF time and place reach the server's evidence checks unchanged.
(function () {
  var O = window.SgzOffline;
  var page = document.getElementById('field-page');
  if (!O || !O.field || !page) { return; }
  var ws = null;
  var editing = { followup: null, service: null, assessment: null, caseSession: null };
  var pendingPhotos = { followup: [], service: [], assessment: [], caseSession: [] };

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { e.textContent = attrs[k]; } else if (k === 'className') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
    return e;
  }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function localDate(d) { return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()); }
  function localTime(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return localDate(d) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes());
  }
  var RISK = { LOW: '低', MEDIUM: '中', HIGH: '高' };

  // ---- EXIF (time and place of the original photo, shown before it is sent) ---------------------------------
  function readExif(buf) {
    var v = new DataView(buf);
    if (v.byteLength < 4 || v.getUint16(0) !== 0xFFD8) { return null; }
    var off = 2;
    while (off + 4 < v.byteLength) {
      var marker = v.getUint16(off);
      var len = v.getUint16(off + 2);
      if (marker === 0xFFE1 && v.getUint32(off + 4) === 0x45786966) { return tiff(v, off + 10); }
      if ((marker & 0xFF00) !== 0xFF00) { break; }
      off += 2 + len;
    }
    return null;
  }
  function tiff(v, start) {
    var little = v.getUint16(start) === 0x4949;
    function u16(o) { return v.getUint16(start + o, little); }
    function u32(o) { return v.getUint32(start + o, little); }
    function entries(ifd) {
      var out = {};
      if (!ifd || start + ifd + 2 > v.byteLength) { return out; }
      var n = u16(ifd);
      for (var i = 0; i < n; i++) {
        var e = ifd + 2 + i * 12;
        out[u16(e)] = { type: u16(e + 2), count: u32(e + 4), at: e + 8 };
      }
      return out;
    }
    function ascii(t) {
      var o = t.count > 4 ? u32(t.at) : t.at;
      var s = '';
      for (var i = 0; i < t.count - 1; i++) { s += String.fromCharCode(v.getUint8(start + o + i)); }
      return s;
    }
    function rationals(t) {
      var o = u32(t.at);
      var r = [];
      for (var i = 0; i < t.count; i++) { r.push(u32(o + i * 8) / (u32(o + i * 8 + 4) || 1)); }
      return r;
    }
    var ifd0 = entries(u32(4));
    var result = {};
    if (ifd0[0x8769]) {
      var ex = entries(u32(ifd0[0x8769].at));
      var t = ex[0x9003] || ex[0x9004];
      if (t) { result.time = ascii(t).replace(/^(\d{4}):(\d{2}):(\d{2})/, '$1-$2-$3'); }
    }
    if (!result.time && ifd0[0x0132]) { result.time = ascii(ifd0[0x0132]).replace(/^(\d{4}):(\d{2}):(\d{2})/, '$1-$2-$3'); }
    if (ifd0[0x8825]) {
      var g = entries(u32(ifd0[0x8825].at));
      if (g[2] && g[4]) {
        var la = rationals(g[2]), lo = rationals(g[4]);
        var lat = la[0] + la[1] / 60 + la[2] / 3600, lon = lo[0] + lo[1] / 60 + lo[2] / 3600;
        if (g[1] && ascii(g[1]) === 'S') { lat = -lat; }
        if (g[3] && ascii(g[3]) === 'W') { lon = -lon; }
        result.lat = Math.round(lat * 1e6) / 1e6;
        result.lon = Math.round(lon * 1e6) / 1e6;
      }
    }
    return result;
  }
  function photoText(p) {
    var s = p.name || '照片';
    s += p.exifTime ? '，拍摄于 ' + p.exifTime : '，没有拍摄时间（不能作为佐证）';
    if (p.lat != null) { s += '，位置 ' + p.lat + ', ' + p.lon; }
    return s;
  }
  function takePhotos(input, which, infoId) {
    var files = Array.prototype.slice.call(input.files || []);
    return Promise.all(files.map(function (f) {
      return f.arrayBuffer().then(function (buf) {
        var exif = null;
        try { exif = readExif(buf); } catch (e) { exif = null; }
        // the original bytes, so the server reads the same EXIF time and place
        return { id: 'p-' + O.uuid(), name: f.name, type: f.type || 'image/jpeg', size: f.size,
          blob: new Blob([buf], { type: f.type || 'image/jpeg' }), exifTime: exif && exif.time || null,
          lat: exif && exif.lat != null ? exif.lat : null, lon: exif && exif.lon != null ? exif.lon : null, uploaded: false };
      });
    })).then(function (photos) {
      pendingPhotos[which] = photos;
      $(infoId).textContent = photos.map(photoText).join('；');
    });
  }

  // ---- working set -----------------------------------------------------------------------------------------
  function person(id) {
    if (!ws) { return null; }
    for (var i = 0; i < ws.people.length; i++) { if (ws.people[i].id === id) { return ws.people[i]; } }
    for (var j = 0; j < ws.due.length; j++) {
      if (ws.due[j].recipientId === id) {
        var d = ws.due[j];
        return { id: d.recipientId, name: d.name, riskLevel: d.riskLevel, version: null, orgUnitName: d.orgUnitName, phone: d.phone };
      }
    }
    return null;
  }
  function fillSelects() {
    var ps = $('of-person'), sp = $('os-person'), kind = $('os-kind'), unit = $('os-unit'), ap = $('oa-person');
    [ps, sp, kind, unit, ap, $('oa-needs')].forEach(function (s) { s.textContent = ''; });
    ps.appendChild(el('option', { value: '', text: '请选择' }));
    ap.appendChild(el('option', { value: '', text: '请选择' }));
    sp.appendChild(el('option', { value: '', text: '不选' }));
    if (!ws) { return; }
    ws.people.forEach(function (p) {
      var label = p.name + '（' + (p.orgUnitName || '') + (p.maskedIdNumber ? ' ' + p.maskedIdNumber : '') + '）';
      ps.appendChild(el('option', { value: String(p.id), text: label }));
      sp.appendChild(el('option', { value: String(p.id), text: label }));
      ap.appendChild(el('option', { value: String(p.id), text: label }));
    });
    (ws.needs || []).forEach(function (n) {
      $('oa-needs').appendChild(el('label', { style: 'font-weight:normal;display:inline-block;margin-right:.8rem' }, [
        el('input', { type: 'checkbox', className: 'oa-need', value: n.code }), ' ' + n.label]));
    });
    ws.kinds.forEach(function (k) { kind.appendChild(el('option', { value: k.code, text: k.label })); });
    ws.units.forEach(function (u) { unit.appendChild(el('option', { value: String(u.id), text: u.name })); });
    var oc = $('oc-case'), fields = $('oc-fields');
    oc.textContent = '';
    fields.textContent = '';
    oc.appendChild(el('option', { value: '', text: '请选择' }));
    cases().forEach(function (c) {
      oc.appendChild(el('option', { value: String(c.id), text: c.code + ' ' + c.title + '（' + c.clientName + '）' }));
    });
    (ws.caseSessionFields || []).forEach(function (f) {
      fields.appendChild(el('label', { 'for': 'oc-f-' + f.key, text: f.label + (f.required ? ' *' : '') }));
      var t = el('textarea', { id: 'oc-f-' + f.key, className: 'oc-field', 'data-key': f.key, 'data-label': f.label,
        rows: '3', maxlength: String(f.max || 3000) });
      if (f.required) { t.setAttribute('data-required', '1'); }
      if (f.hint) { t.setAttribute('placeholder', f.hint); }
      fields.appendChild(t);
    });
  }
  function cases() { return ws && ws.cases ? ws.cases : []; }
  function caseOf(id) {
    var list = cases();
    for (var i = 0; i < list.length; i++) { if (list[i].id === id) { return list[i]; } }
    return null;
  }
  function renderLists() {
    var due = $('due-list'), people = $('people-list');
    due.textContent = '';
    people.textContent = '';
    if (!ws) {
      due.appendChild(el('p', { className: 'muted', text: '手机上还没有离线工作集：请在有网络时打开本页一次。' }));
      return;
    }
    var open = ws.due.filter(function (d) { return d.status !== 'DONE'; });
    if (!open.length) { due.appendChild(el('p', { className: 'muted', text: '本期没有待回访的人。' })); }
    open.forEach(function (d) {
      var b = el('button', { type: 'button', className: 'secondary', 'data-recipient-id': String(d.recipientId), text: '记录回访' });
      b.addEventListener('click', function () { openFollowUp(d.recipientId, null); });
      due.appendChild(el('div', { className: 'card', 'data-testid': 'offline-due-entry' }, [
        el('b', { text: d.name }), ' ',
        el('span', { className: 'tag ' + (d.status === 'OVERDUE' ? 'bad' : 'warn'), text: d.status === 'OVERDUE' ? '已逾期' : '本期待回访' }),
        el('div', { className: 'muted', text: [d.orgUnitName, d.phone, d.riskLevel ? '风险' + RISK[d.riskLevel] : ''].filter(Boolean).join(' · ') }),
        b
      ]));
    });
    var caseBox = $('case-list');
    caseBox.textContent = '';
    if (!cases().length) { caseBox.appendChild(el('p', { className: 'muted', text: '没有可以记录服务过程的在办个案（须已制定工作计划、未提交结案）。' })); }
    cases().forEach(function (c) {
      var b = el('button', { type: 'button', className: 'secondary', 'data-case-id': String(c.id), text: '记录过程' });
      b.addEventListener('click', function () { openCaseSession(c.id, null); });
      caseBox.appendChild(el('div', { className: 'card', 'data-testid': 'offline-case' }, [
        el('b', { text: c.code + ' ' + c.title }), ' ',
        c.overdue ? el('span', { className: 'tag bad', text: '已逾期' })
          : c.due ? el('span', { className: 'tag warn', text: '应记录服务' }) : null,
        el('div', { className: 'muted', text: ['案主 ' + c.clientName, c.clientHint, c.stageLabel,
          c.lastSessionOn ? '上次服务 ' + c.lastSessionOn : '尚未服务', '已记录 ' + c.sessions + ' 次'].filter(Boolean).join(' · ') }),
        b
      ]));
    });
    var q = ($('people-q').value || '').trim();
    var shown = ws.people.filter(function (p) { return !q || p.name.indexOf(q) >= 0; }).slice(0, 50);
    shown.forEach(function (p) {
      people.appendChild(el('div', { className: 'card', 'data-testid': 'offline-person' }, [
        el('b', { text: p.name }), ' ', el('span', { className: 'muted', text: (p.gender || '') + ' ' + p.age + '岁' }),
        el('div', { className: 'muted', text: [p.orgUnitName, p.maskedIdNumber, p.phone, p.categories, p.riskLevel ? '风险' + RISK[p.riskLevel] : ''].filter(Boolean).join(' · ') })
      ]));
    });
    if (ws.people.length > shown.length) {
      people.appendChild(el('p', { className: 'muted', text: '共 ' + ws.people.length + ' 人，输入姓名查找其他人。' }));
    }
  }
  function status() {
    var parts = [navigator.onLine ? '有网络' : '当前离线'];
    if (ws) { parts.push('离线工作集更新于 ' + localTime(new Date(ws.savedAt).toISOString()) + '（' + ws.people.length + ' 位服务对象，' + ws.due.length + ' 人在回访台账，' + cases().length + ' 个在办个案）'); }
    if (O.syncing()) { parts.push('正在同步…'); }
    if (O.lastError()) { parts.push(O.lastError()); }
    $('field-status').textContent = parts.join('；');
  }
  function loadWorkingSet() {
    // opened with a signal, this page always takes a fresh working set (a case planned a minute ago is on it)
    var p = navigator.onLine ? O.refreshWorkingSet(true).catch(function () { return O.workingSet(); }) : O.workingSet();
    return p.then(function (w) { ws = w; fillSelects(); renderLists(); status(); });
  }

  // ---- forms -------------------------------------------------------------------------------------------------
  function show(id) {
    ['followup-form', 'service-form', 'assessment-form', 'case-session-form'].forEach(function (f) { $(f).hidden = f !== id; });
    if (id) { $(id).scrollIntoView(); }
  }
  function openFollowUp(recipientId, entry) {
    editing.followup = entry;
    pendingPhotos.followup = [];
    $('of-photos').value = '';
    $('of-photos-info').textContent = entry && entry.photos.length ? '已有照片：' + entry.photos.map(photoText).join('；') : '';
    $('of-error').textContent = entry && entry.reason ? entry.reason : '';
    var f = entry ? entry.payload.followUp : null;
    var id = f ? f.recipientId : recipientId;
    $('of-person').value = id ? String(id) : '';
    if (id && $('of-person').value !== String(id)) {
      // the person is no longer in the working set (moved away): keep the choice visible
      var name = entry && entry.label ? entry.label : '（已不在本站台账）';
      $('of-person').appendChild(el('option', { value: String(id), text: name }));
      $('of-person').value = String(id);
    }
    $(f && f.method === 'PHONE' ? 'of-method-phone' : 'of-method-visit').checked = true;
    $('of-date').value = f ? f.followedOn : localDate(new Date());
    $('of-date').max = localDate(new Date());
    $('of-findings').value = f ? f.findings : '';
    $('of-risk').value = f && f.riskAfter ? f.riskAfter : '';
    personInfo();
    show('followup-form');
  }
  function personInfo() {
    var p = person(Number($('of-person').value));
    $('of-person-info').textContent = p ? [p.orgUnitName, p.phone, '现风险等级：' + (p.riskLevel ? RISK[p.riskLevel] : '未评定')].filter(Boolean).join(' · ') : '';
  }
  function signInRow(name, phone) {
    var row = el('div', { className: 'actions signin-row', 'data-testid': 'offline-signin-row' }, [
      el('input', { className: 'si-name', placeholder: '姓名', maxlength: '50', 'aria-label': '签到人姓名' }),
      el('input', { className: 'si-phone', placeholder: '电话', type: 'tel', maxlength: '20', 'aria-label': '签到人电话' })
    ]);
    var rm = el('button', { type: 'button', className: 'secondary', text: '删除' });
    rm.addEventListener('click', function () { row.remove(); });
    row.appendChild(rm);
    row.querySelector('.si-name').value = name || '';
    row.querySelector('.si-phone').value = phone || '';
    $('os-signins').appendChild(row);
  }
  function openService(entry) {
    editing.service = entry;
    pendingPhotos.service = [];
    $('os-photos').value = '';
    $('os-photos-info').textContent = entry && entry.photos.length ? '已有照片：' + entry.photos.map(photoText).join('；') : '';
    $('os-error').textContent = entry && entry.reason ? entry.reason : '';
    var r = entry ? entry.payload.record : null;
    if (r) {
      $('os-kind').value = r.kind; $('os-unit').value = String(r.orgUnitId); $('os-title').value = r.title || '';
      $('os-date').value = r.serviceDate; $('os-place').value = r.place || ''; $('os-indoor').checked = !!r.indoor;
      $('os-count').value = r.participantCount == null ? '' : r.participantCount; $('os-content').value = r.content || '';
      $('os-person').value = r.participants && r.participants.length && r.participants[0].recipientId ? String(r.participants[0].recipientId) : '';
    } else {
      $('os-title').value = ''; $('os-date').value = localDate(new Date()); $('os-place').value = '';
      $('os-indoor').checked = true; $('os-count').value = '1'; $('os-content').value = ''; $('os-person').value = '';
    }
    $('os-date').max = localDate(new Date());
    $('os-signins').textContent = '';
    (entry ? entry.payload.signIns : []).forEach(function (s) { signInRow(s.name, s.phone); });
    show('service-form');
  }

  function openAssessment(entry) {
    editing.assessment = entry;
    pendingPhotos.assessment = [];
    $('oa-photos').value = '';
    $('oa-photos-info').textContent = entry && entry.photos.length ? '已有照片：' + entry.photos.map(photoText).join('；') : '';
    $('oa-error').textContent = entry && entry.reason ? entry.reason : '';
    var a = entry ? entry.payload.assessment : {};
    $('oa-person').value = a.recipientId ? String(a.recipientId) : '';
    $('oa-date').value = a.assessedOn || localDate(new Date());
    $('oa-date').max = localDate(new Date());
    ['economy', 'housing', 'health', 'care', 'strengths'].forEach(function (k) { $('oa-' + k).value = a[k] || ''; });
    $('oa-needs-text').value = a.needsText || '';
    $('oa-risk').value = a.riskLevel || '';
    document.querySelectorAll('.oa-need').forEach(function (c) { c.checked = (a.needs || []).indexOf(c.value) >= 0; });
    show('assessment-form');
  }

  function openCaseSession(caseId, entry) {
    editing.caseSession = entry;
    pendingPhotos.caseSession = [];
    $('oc-photos').value = '';
    $('oc-photos-info').textContent = entry && entry.photos.length ? '已有照片：' + entry.photos.map(photoText).join('；') : '';
    $('oc-error').textContent = entry && entry.reason ? entry.reason : '';
    var c = entry ? entry.payload.caseSession : {};
    var id = c.caseId || caseId;
    $('oc-case').value = id ? String(id) : '';
    if (id && $('oc-case').value !== String(id)) {
      // the case is no longer open on the phone (closed or moved meanwhile): keep the choice visible
      $('oc-case').appendChild(el('option', { value: String(id), text: entry && entry.label ? entry.label : '（已不在在办个案中）' }));
      $('oc-case').value = String(id);
    }
    $('oc-date').value = c.serviceDate || localDate(new Date());
    $('oc-date').max = localDate(new Date());
    $('oc-start').value = c.startTime || '';
    $('oc-end').value = c.endTime || '';
    $('oc-place').value = c.place || '';
    document.querySelectorAll('.oc-field').forEach(function (t) {
      t.value = c.fields && c.fields[t.getAttribute('data-key')] ? c.fields[t.getAttribute('data-key')] : '';
    });
    caseInfo();
    show('case-session-form');
  }
  function caseInfo() {
    var c = caseOf(Number($('oc-case').value));
    $('oc-case-info').textContent = c ? ['案主 ' + c.clientName, c.clientHint, c.stationName,
      c.lastSessionOn ? '上次服务 ' + c.lastSessionOn : '尚未服务'].filter(Boolean).join(' · ') : '';
  }

  function saveEntry(which, build) {
    var old = editing[which];
    var e = old || { clientId: O.uuid(), owner: O.user, seq: Date.now(), createdAt: new Date().toISOString(), photos: [] };
    var built = build(e);
    if (typeof built === 'string') { return Promise.reject(new Error(built)); }
    e.kind = built.kind; e.label = built.label; e.payload = built.payload;
    e.payload.clientId = e.clientId;
    e.payload.capturedAt = e.createdAt;
    e.photos = (e.photos || []).concat(pendingPhotos[which]);
    e.state = 'pending'; e.reason = null; e.conflict = null;
    if (e.result) { e.state = 'uploading'; }
    return O.putEntry(e).then(function () {
      editing[which] = null;
      pendingPhotos[which] = [];
      show(null);
      notice(navigator.onLine ? '已保存，正在同步' : '已保存到手机，有网络时自动同步');
      render();
      if (navigator.onLine) { O.sync(); }
    });
  }
  function notice(text) { var n = $('field-notice'); n.textContent = text; n.hidden = !text; }

  $('of-person').addEventListener('change', personInfo);
  $('of-photos').addEventListener('change', function () { takePhotos($('of-photos'), 'followup', 'of-photos-info'); });
  $('os-photos').addEventListener('change', function () { takePhotos($('os-photos'), 'service', 'os-photos-info'); });
  $('os-add-signin').addEventListener('click', function () { signInRow('', ''); });
  $('new-followup').addEventListener('click', function () { openFollowUp(null, null); });
  $('new-service').addEventListener('click', function () { openService(null); });
  $('new-assessment').addEventListener('click', function () { openAssessment(null); });
  $('oa-photos').addEventListener('change', function () { takePhotos($('oa-photos'), 'assessment', 'oa-photos-info'); });
  $('oc-photos').addEventListener('change', function () { takePhotos($('oc-photos'), 'caseSession', 'oc-photos-info'); });
  $('oc-case').addEventListener('change', caseInfo);
  $('new-case-session').addEventListener('click', function () { openCaseSession(null, null); });
  $('case-session-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    saveEntry('caseSession', function () {
      var id = Number($('oc-case').value);
      if (!id) { return '请选择个案'; }
      if (!$('oc-date').value) { return '请填写服务日期'; }
      var fields = {};
      var missing = null;
      document.querySelectorAll('.oc-field').forEach(function (t) {
        var v = t.value.trim();
        if (v) { fields[t.getAttribute('data-key')] = v; }
        if (!v && t.getAttribute('data-required') && !missing) { missing = t.getAttribute('data-label'); }
      });
      if (missing) { return '过程记录表：“' + missing + '”请填写'; }
      var c = caseOf(id);
      return { kind: 'CASE_SESSION', label: c ? c.code + ' ' + c.title : (editing.caseSession ? editing.caseSession.label : ''),
        payload: { kind: 'CASE_SESSION', caseSession: { caseId: id, serviceDate: $('oc-date').value,
          startTime: $('oc-start').value || null, endTime: $('oc-end').value || null,
          place: $('oc-place').value.trim() || null, fields: fields } } };
    }).catch(function (err) { $('oc-error').textContent = err.message; });
  });
  $('assessment-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    saveEntry('assessment', function () {
      var id = Number($('oa-person').value);
      if (!id) { return '请选择入户评估的服务对象'; }
      if (!$('oa-risk').value) { return '请选择风险等级'; }
      var needs = Array.prototype.filter.call(document.querySelectorAll('.oa-need'), function (c) { return c.checked; })
        .map(function (c) { return c.value; });
      if (!needs.length && !$('oa-needs-text').value.trim()) { return '请勾选至少一项需求，或在“其他需求”中说明（无需求请写“暂无”）'; }
      var p = person(id);
      var old = editing.assessment && editing.assessment.payload.assessment;
      var a = { recipientId: id, assessedOn: $('oa-date').value, needs: needs, needsText: $('oa-needs-text').value.trim() || null,
        riskLevel: $('oa-risk').value,
        baseRisk: old && old.recipientId === id ? old.baseRisk : (p ? p.riskLevel : null),
        baseVersion: old && old.recipientId === id ? old.baseVersion : (p ? p.version : null) };
      ['economy', 'housing', 'health', 'care', 'strengths'].forEach(function (k) { a[k] = $('oa-' + k).value.trim() || null; });
      return { kind: 'HOME_ASSESSMENT', label: p ? p.name : (editing.assessment ? editing.assessment.label : ''),
        payload: { kind: 'HOME_ASSESSMENT', assessment: a } };
    }).catch(function (err) { $('oa-error').textContent = err.message; });
  });
  $('sync-now').addEventListener('click', function () { O.sync().then(render); });
  $('people-q').addEventListener('input', renderLists);
  document.querySelectorAll('[data-close]').forEach(function (b) {
    b.addEventListener('click', function () { show(null); });
  });
  $('followup-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    saveEntry('followup', function () {
      var id = Number($('of-person').value);
      if (!id) { return '请选择回访的服务对象'; }
      var findings = $('of-findings').value.trim();
      if (!findings) { return '请简要记录回访情况'; }
      var p = person(id);
      var method = $('of-method-phone').checked ? 'PHONE' : 'VISIT';
      var old = editing.followup && editing.followup.payload.followUp;
      return {
        kind: 'FOLLOW_UP',
        label: (p ? p.name : (editing.followup ? editing.followup.label : '')),
        payload: { kind: 'FOLLOW_UP', followUp: {
          recipientId: id, method: method, followedOn: $('of-date').value, findings: findings,
          riskAfter: $('of-risk').value || null,
          baseRisk: old && old.recipientId === id ? old.baseRisk : (p ? p.riskLevel : null),
          baseVersion: old && old.recipientId === id ? old.baseVersion : (p ? p.version : null) } }
      };
    }).catch(function (err) { $('of-error').textContent = err.message; });
  });
  $('service-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    saveEntry('service', function () {
      var kind = $('os-kind').value;
      var k = ws ? ws.kinds.filter(function (x) { return x.code === kind; })[0] : null;
      var pid = Number($('os-person').value);
      var p = pid ? person(pid) : null;
      var signIns = Array.prototype.map.call(document.querySelectorAll('#os-signins .signin-row'), function (r) {
        return { name: r.querySelector('.si-name').value.trim(), phone: r.querySelector('.si-phone').value.trim() };
      }).filter(function (s) { return s.name || s.phone; });
      var title = $('os-title').value.trim();
      return {
        kind: 'SERVICE_RECORD',
        label: (k ? k.label : kind) + (title ? '“' + title + '”' : ''),
        payload: { kind: 'SERVICE_RECORD', signIns: signIns, record: {
          orgUnitId: Number($('os-unit').value) || null, kind: kind, domain: k ? k.defaultDomain : null,
          title: title || null, serviceDate: $('os-date').value, place: $('os-place').value.trim() || null,
          indoor: $('os-indoor').checked, distributesGoods: false,
          participantCount: $('os-count').value === '' ? null : Number($('os-count').value),
          content: $('os-content').value.trim() || null,
          participants: p ? [{ recipientId: p.id, name: p.name }] : [] } }
      };
    }).catch(function (err) { $('os-error').textContent = err.message; });
  });

  // ---- the queue ---------------------------------------------------------------------------------------------
  function stateTag(e) {
    if (e.state === 'pending') { return el('span', { className: 'tag warn', 'data-testid': 'entry-state', text: '待同步' }); }
    if (e.state === 'uploading') { return el('span', { className: 'tag warn', 'data-testid': 'entry-state', text: '待同步（照片未传完）' }); }
    if (e.state === 'conflict') { return el('span', { className: 'tag bad', 'data-testid': 'entry-state', text: '冲突，待选择' }); }
    if (e.state === 'refused') { return el('span', { className: 'tag bad', 'data-testid': 'entry-state', text: '被拒绝' }); }
    var r = e.result || {};
    if (r.qualification === 'COUNTS') { return el('span', { className: 'tag ok', 'data-testid': 'entry-state', text: '已同步 · 计入' }); }
    return el('span', { className: 'tag warn', 'data-testid': 'entry-state', text: '已同步 · 不计入' });
  }
  function button(text, fn, testid) {
    var b = el('button', { type: 'button', className: 'secondary', text: text });
    if (testid) { b.setAttribute('data-testid', testid); }
    b.addEventListener('click', fn);
    return b;
  }
  function entryCard(e) {
    var what = e.kind === 'FOLLOW_UP'
      ? '回访 ' + e.label + ' · ' + (e.payload.followUp.method === 'PHONE' ? '电话' : '上门') + ' · ' + e.payload.followUp.followedOn
      : e.kind === 'HOME_ASSESSMENT' ? '入户评估 ' + e.label + ' · ' + e.payload.assessment.assessedOn
      : e.kind === 'CASE_SESSION' ? '个案过程记录 ' + e.label + ' · ' + e.payload.caseSession.serviceDate
      : '服务记录 ' + e.label + ' · ' + e.payload.record.serviceDate + ' · 签到 ' + e.payload.signIns.length + ' 人';
    var card = el('div', { className: 'card', 'data-testid': 'offline-entry', 'data-client-id': e.clientId, 'data-state': e.state }, [
      el('div', {}, [stateTag(e), ' ', el('b', { text: what })]),
      el('div', { className: 'muted', text: '手机记录时间 ' + localTime(e.createdAt) + (e.result && e.result.receivedAt ? '；服务器接收 ' + localTime(e.result.receivedAt) : '') })
    ]);
    if (e.photos && e.photos.length) {
      card.appendChild(el('div', { className: 'muted', 'data-testid': 'entry-photos', text: '照片 ' + e.photos.length + ' 张（' + e.photos.map(function (p) {
        return photoText(p) + (p.uploaded ? '，已上传' : '');
      }).join('；') + '）' }));
    }
    if (e.reason) { card.appendChild(el('div', { className: 'field-error', 'data-testid': 'entry-reason', text: e.reason })); }
    if (e.state === 'synced' && e.result && e.result.reasons && e.result.reasons.length) {
      card.appendChild(el('div', { className: 'muted', 'data-testid': 'entry-reason', text: '不计入的原因：' + e.result.reasons.join('；') }));
    }
    var actions = el('div', { className: 'actions' });
    if (e.state === 'conflict' && e.conflict && e.conflict.server) {
      var s = e.conflict.server, m = e.conflict.mine;
      card.appendChild(el('div', { className: 'muted', 'data-testid': 'entry-conflict', text: '服务器上（他人在您离线时修改）：风险等级 ' + s.riskLabel + '；手机上（本条记录）：风险等级 ' + m.riskLabel }));
      actions.appendChild(button(e.kind === 'FOLLOW_UP' ? '保留服务器上的，只同步回访' : '采用服务器上的风险等级', function () { resolveConflict(e, false); }, 'keep-server'));
      actions.appendChild(button('以手机上的为准', function () { resolveConflict(e, true); }, 'keep-mine'));
    }
    if ((e.state === 'refused' || e.state === 'conflict' || e.state === 'pending') && !e.result) {
      actions.appendChild(button('修改', function () {
        if (e.kind === 'FOLLOW_UP') { openFollowUp(null, e); } else if (e.kind === 'HOME_ASSESSMENT') { openAssessment(e); }
        else if (e.kind === 'CASE_SESSION') { openCaseSession(null, e); } else { openService(e); }
      }, 'entry-edit'));
    }
    if (e.state === 'refused' && e.result) {
      actions.appendChild(button('跳过未传的照片', function () {
        e.photos = e.photos.filter(function (p) { return p.uploaded; }); e.state = 'uploading'; e.reason = null;
        O.putEntry(e).then(function () { O.sync(); });
      }));
    }
    if (e.state !== 'synced') {
      actions.appendChild(button('放弃', function () {
        if (window.confirm('放弃后这条记录将从手机上删除' + (e.result ? '（服务器上已保存的部分不受影响）' : '，不会同步到服务器') + '。确定吗？')) {
          O.deleteEntry(e.clientId);
        }
      }, 'entry-discard'));
    }
    if (e.result && e.result.caseId) {
      actions.appendChild(el('a', { className: 'btn secondary', href: '/cases/' + e.result.caseId, text: '查看个案' }));
    } else if (e.result && e.result.serviceRecordId) {
      actions.appendChild(el('a', { className: 'btn secondary', href: '/records/' + e.result.serviceRecordId, text: '查看记录' }));
    }
    if (actions.childNodes.length) { card.appendChild(actions); }
    return card;
  }
  function resolveConflict(e, mine) {
    var s = e.conflict.server, f = e.payload.followUp || e.payload.assessment;
    f.baseVersion = s.version;
    f.baseRisk = s.riskLevel;
    if (!mine) {
      if (e.payload.followUp) { f.riskAfter = null; } else { f.riskLevel = s.riskLevel; }
    }
    e.state = 'pending'; e.reason = null; e.conflict = null;
    O.putEntry(e).then(function () { O.sync(); });
  }
  function render() {
    return O.allEntries().then(function (list) {
      var box = $('entries');
      box.textContent = '';
      var unsent = list.filter(function (e) { return e.state !== 'synced'; }).length;
      $('queue-count').textContent = unsent + ' 条待同步';
      if (!list.length) { box.appendChild(el('p', { className: 'muted', text: '手机上没有离线记录。' })); }
      list.slice().reverse().forEach(function (e) { box.appendChild(entryCard(e)); });
      status();
    });
  }
  $('clear-synced').addEventListener('click', function () {
    O.allEntries().then(function (list) {
      return Promise.all(list.filter(function (e) { return e.state === 'synced'; }).map(function (e) { return O.deleteEntry(e.clientId); }));
    });
  });

  O.onChange(render);
  window.addEventListener('online', status);
  window.addEventListener('offline', status);
  loadWorkingSet().then(render).then(function () {
    // the service worker opens this page for any field page asked for while offline: open the matching form
    var path = location.pathname;
    var m = path.match(/^\/followups\/record\/(\d+)/);
    var cm = path.match(/^\/cases\/(\d+)\/sessions\/new/);
    if (path !== '/field') { notice('当前没有网络，已打开离线记录页：在这里记录，有网络时自动同步。'); }
    if (m) { openFollowUp(Number(m[1]), null); } else if (cm) { openCaseSession(Number(cm[1]), null); } else if (/^\/records\/new/.test(path)) { openService(null); }
    else if (/^\/recipients\/\d+\/assessments\/new/.test(path)) {
      openAssessment(null);
      $('oa-person').value = path.split('/')[2];
    }
  });
})();

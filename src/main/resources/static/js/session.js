// Idle-session warning (issue 18): the server ends a session after the configured idle time. Before
// that, a banner offers to stay signed in; typing or clicking keeps the session alive by itself, and
// nothing on the page is reloaded, so a form being filled in is never lost.
(function () {
  var meta = document.querySelector('meta[name="sgz-idle-seconds"]');
  if (!meta) { return; }
  var idle = parseInt(meta.content, 10) * 1000;
  if (!(idle > 0)) { return; }
  var url = meta.getAttribute('data-keepalive');
  var warnBefore = Math.min(120000, idle / 4);
  var lastContact = Date.now();
  var warnTimer = null, endTimer = null, banner = null, expired = false;

  function showBanner(text, withButton) {
    if (!banner) {
      banner = document.createElement('div');
      banner.className = 'session-warning';
      banner.setAttribute('role', 'alert');
      banner.setAttribute('data-testid', 'session-warning');
      document.body.appendChild(banner);
    }
    banner.textContent = text + ' ';
    if (withButton) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = '继续使用';
      b.id = 'session-keepalive';
      b.addEventListener('click', ping);
      banner.appendChild(b);
    }
    banner.hidden = false;
  }

  function hideBanner() { if (banner) { banner.hidden = true; } }

  function schedule() {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(function () {
      showBanner('您已较长时间没有操作，为保护数据安全，登录将在约' + Math.round(warnBefore / 60000)
        + '分钟后失效。正在填写的内容不会丢失。', true);
    }, Math.max(1000, idle - warnBefore));
    endTimer = setTimeout(function () {
      expired = true;
      showBanner('登录已因长时间未操作而失效。本页填写的内容仍保留：请在新标签页重新登录后，再回到本页提交。', false);
    }, idle);
  }

  function ping() {
    if (!url || expired) { return; }
    fetch(url, { credentials: 'same-origin', redirect: 'manual' }).then(function (r) {
      if (r.status === 204) {
        lastContact = Date.now();
        hideBanner();
        schedule();
      }
    });
  }

  ['keydown', 'input', 'pointerdown'].forEach(function (ev) {
    document.addEventListener(ev, function () {
      if (!expired && Date.now() - lastContact > Math.min(300000, idle / 3)) { lastContact = Date.now(); ping(); }
    }, { passive: true });
  });
  document.addEventListener('htmx:afterRequest', function () { lastContact = Date.now(); schedule(); });
  schedule();
})();

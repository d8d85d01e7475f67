// People picker: search the ledgers as you type (name, ID tail, phone tail, village), pick one or several people.
// Markup: templates/parts/people.html. Household members of those picked and people served lately come first.
// The picked people travel as hidden inputs (data-name), formatted as the form expects (data-format):
// "id" (the ledger id) or "line" ("姓名 #编号", the record form's line format) — the worker never types an id.
(function () {
  if (window.sgzPeoplePicker) { return; }
  window.sgzPeoplePicker = true;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text != null) { e.textContent = text; }
    return e;
  }

  function setup(root) {
    var input = root.querySelector('.picker-input');
    var results = root.querySelector('.picker-results');
    var chips = root.querySelector('.picker-chips');
    var status = root.querySelector('.picker-status');
    var url = root.dataset.url;
    var name = root.dataset.name;
    var format = root.dataset.format || 'id';
    var multiple = root.dataset.multiple !== 'false';
    var timer = null;
    var seq = 0;

    function picked() {
      return Array.prototype.map.call(chips.querySelectorAll('.picker-chip'), function (c) { return c.dataset.id; });
    }

    function removeChip(chip) {
      chip.remove();
      root.dispatchEvent(new CustomEvent('people-picker:change', {bubbles: true}));
    }

    chips.querySelectorAll('.picker-chip button').forEach(function (b) {
      b.addEventListener('click', function () { removeChip(b.closest('.picker-chip')); });
    });

    function add(p) {
      if (picked().indexOf(String(p.id)) >= 0) { return; }
      if (!multiple) { chips.innerHTML = ''; }
      var chip = el('span', 'picker-chip');
      chip.dataset.id = p.id;
      chip.setAttribute('data-testid', 'picked-person');
      chip.appendChild(el('span', null, p.name));
      var hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = name;
      hidden.value = format === 'line' ? p.name + ' #' + p.id : String(p.id);
      chip.appendChild(hidden);
      var x = el('button', null, '×');
      x.type = 'button';
      x.setAttribute('aria-label', '移除' + p.name);
      x.addEventListener('click', function () { removeChip(chip); });
      chip.appendChild(x);
      chips.appendChild(chip);
      root.dispatchEvent(new CustomEvent('people-picker:change', {bubbles: true, detail: p}));
    }

    function render(list, q) {
      results.innerHTML = '';
      if (status) {
        status.textContent = list.length === 0
          ? (q ? '台账中没有找到“' + q + '”，可换个写法，或在下面手写姓名' : '')
          : (q ? '找到 ' + list.length + ' 人，点一下选中' : '同户成员和最近服务的人');
      }
      list.forEach(function (p) {
        var b = el('button', 'picker-option');
        b.type = 'button';
        b.setAttribute('data-testid', 'person-option');
        b.dataset.id = p.id;
        var line = el('span', null, p.name);
        if (p.why) { line.appendChild(document.createTextNode(' ')); line.appendChild(el('span', 'tag', p.why)); }
        b.appendChild(line);
        b.appendChild(el('small', null, p.hint));
        b.addEventListener('click', function () {
          add(p);
          input.value = '';
          if (multiple) { input.focus(); search(); } else { results.innerHTML = ''; if (status) { status.textContent = ''; } }
        });
        results.appendChild(b);
      });
    }

    function search() {
      var q = input.value.trim();
      var params = new URLSearchParams();
      if (q) { params.set('q', q); }
      if (root.dataset.station) { params.set('stationId', root.dataset.station); }
      picked().forEach(function (id) { params.append('near', id); });
      params.set('limit', '12');
      var mine = ++seq;
      fetch(url + '?' + params.toString(), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (list) { if (mine === seq) { render(list, q); } })
        .catch(function () { if (mine === seq && status) { status.textContent = '网络不通，稍后再试'; } });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    input.addEventListener('focus', function () { if (!input.value.trim()) { search(); } });
    // Enter picks the first match instead of submitting the form
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        var first = results.querySelector('.picker-option');
        if (first) { first.click(); }
      }
    });
  }

  function init() { document.querySelectorAll('[data-people-picker]').forEach(setup); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();

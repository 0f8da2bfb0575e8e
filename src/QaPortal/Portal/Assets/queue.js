// The work queue for heavy use: the filters are remembered in this browser; j/k move through the rows, Enter opens
// the selected call, x picks it, r reviews the picked calls (or all listed) one after another.
(function () {
  'use strict';
  var key = 'speechqa.queue.filters' + window.location.pathname;
  var form = document.getElementById('queue-filters');
  if (form) {
    if (window.location.search.length > 1) localStorage.setItem(key, window.location.search);
    else if (localStorage.getItem(key)) { window.location.replace(window.location.pathname + localStorage.getItem(key)); return; }
    form.addEventListener('submit', function () { localStorage.removeItem(key); });
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll('#queue tbody tr'));
  var at = -1;
  function move(step) {
    if (rows.length === 0) return;
    at = Math.max(0, Math.min(rows.length - 1, at + step));
    rows.forEach(function (r, i) { r.classList.toggle('selected', i === at); });
    rows[at].scrollIntoView({ block: 'nearest' });
  }
  document.addEventListener('keydown', function (e) {
    var tag = (e.target && e.target.tagName) || '';
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'j') move(1);
    else if (e.key === 'k') move(-1);
    else if (e.key === 'x' && at >= 0) { var box = rows[at].querySelector('input.pick'); box.checked = !box.checked; }
    else if (e.key === 'Enter' && at >= 0) window.location = rows[at].querySelector('a').href;
    else if (e.key === 'r') {
      var picked = rows.filter(function (r) { return r.querySelector('input.pick').checked; });
      var ids = (picked.length ? picked : rows).map(function (r) { return r.getAttribute('data-call'); });
      if (ids.length) window.location = '/calls/' + encodeURIComponent(ids[0]) + '?batch=' + encodeURIComponent(ids.join(','));
    }
  });
})();

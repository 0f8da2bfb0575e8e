// The call page: play from a transcript line, a hit or a timeline mark; the current line and the playhead follow
// playback; waveforms per channel (wavesurfer.js, when bundled); keys: space play/pause, n next hit, c confirm,
// o overturn; a batch of calls picked in the queue (?batch=id,id,…) is reviewed one after another.
(function () {
  'use strict';
  var player = document.getElementById('player');
  var timeline = document.getElementById('timeline');
  var duration = timeline ? parseFloat(timeline.getAttribute('data-duration')) : 0;
  var rows = Array.prototype.slice.call(document.querySelectorAll('#hits tr.hit-row'));
  var marks = Array.prototype.slice.call(document.querySelectorAll('#timeline .mark'));
  var current = null; // the hit last jumped to: what c and o act on

  function select(rule, mark) {
    current = rule;
    rows.forEach(function (r) { r.classList.toggle('current', r.getAttribute('data-rule') === rule); });
    marks.forEach(function (m) { m.classList.toggle('current', mark ? m === mark : m.getAttribute('data-rule') === rule); });
  }

  function playFrom(seconds) {
    if (!player) return;
    player.currentTime = seconds;
    var playing = player.play();
    if (playing && playing.catch) playing.catch(function () { /* autoplay refused: the position is still set */ });
  }

  document.querySelectorAll('#transcript .seg, #hits .rule, #timeline .mark, #timeline .region.agent, #timeline .region.customer').forEach(function (el) {
    el.addEventListener('click', function () {
      var rule = el.getAttribute('data-rule') || (el.closest('tr.hit-row') && el.closest('tr.hit-row').getAttribute('data-rule'));
      if (rule) select(rule, el.classList.contains('mark') ? el : null);
      playFrom(parseFloat(el.getAttribute('data-start')));
    });
  });

  if (player) {
    var segs = Array.prototype.slice.call(document.querySelectorAll('#transcript .seg'));
    var playhead = document.getElementById('playhead');
    player.addEventListener('timeupdate', function () {
      var now = player.currentTime, line = null;
      segs.forEach(function (s) { if (parseFloat(s.getAttribute('data-start')) <= now) line = s; });
      segs.forEach(function (s) { s.classList.toggle('current', s === line); });
      if (line) line.scrollIntoView({ block: 'nearest' });
      if (playhead && duration > 0) playhead.style.left = Math.min(100, 100 * now / duration) + '%';
    });
    if (window.WaveSurfer && window.fetch) {
      // One waveform per recorded channel (agent and customer), drawn from the peaks the server computes, on the
      // page's own player: no second download and no decoding of the whole recording in the browser.
      fetch(window.location.pathname.replace(/\/$/, '') + '/waveform', { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (w) {
          if (!w || !w.channels.length) return;
          var colours = [{ waveColor: '#7aa7d6', progressColor: '#0b5394' }, { waveColor: '#8cc08c', progressColor: '#1e6b3a' }];
          var wave = window.WaveSurfer.create({
            container: '#waveform', media: player, peaks: w.channels, duration: w.duration, height: 40, interact: true,
            splitChannels: w.channels.map(function (_, i) { return colours[i % 2]; })
          });
          wave.on('ready', function () { window.callWaveform = wave; });
        });
    }
  }

  function nextHit() {
    // The hit after the one last jumped to (wrapping round); before any, the first at or after the playing position.
    if (marks.length === 0) return;
    var now = player ? player.currentTime : 0, next = null;
    var at = marks.map(function (m) { return m.classList.contains('current'); }).indexOf(true);
    if (at >= 0) next = marks[(at + 1) % marks.length];
    else marks.forEach(function (m) { if (next === null && parseFloat(m.getAttribute('data-start')) >= now - 0.05) next = m; });
    next = next || marks[0];
    select(next.getAttribute('data-rule'), next);
    playFrom(parseFloat(next.getAttribute('data-start')));
  }

  function decide(kind) {
    var row = rows.filter(function (r) { return r.getAttribute('data-rule') === current; })[0] || rows[0];
    var button = row && row.querySelector('button.' + kind);
    if (button) button.click();
  }

  document.addEventListener('keydown', function (e) {
    var tag = (e.target && e.target.tagName) || '';
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === ' ' && player) { e.preventDefault(); if (player.paused) player.play(); else player.pause(); }
    else if (e.key === 'n') nextHit();
    else if (e.key === 'c') decide('confirm');
    else if (e.key === 'o') decide('overturn');
  });

  // Reviewing several calls in a row: the batch travels in the query string and through the review forms.
  var batch = new URLSearchParams(window.location.search).get('batch');
  if (batch) {
    document.querySelectorAll('input.batch-field').forEach(function (f) { f.value = batch; });
    var ids = batch.split(',');
    var here = decodeURIComponent(window.location.pathname.split('/').pop());
    var at = ids.indexOf(here);
    var nav = document.getElementById('batch-nav');
    if (nav && at >= 0) {
      nav.hidden = false;
      nav.textContent = (at + 1) + ' / ' + ids.length + ' ';
      if (at + 1 < ids.length) {
        var link = document.createElement('a');
        link.id = 'next-call';
        link.href = '/calls/' + encodeURIComponent(ids[at + 1]) + '?batch=' + encodeURIComponent(batch);
        link.textContent = '→ ' + ids[at + 1];
        nav.appendChild(link);
        document.addEventListener('keydown', function (e) {
          var tag = (e.target && e.target.tagName) || '';
          if (e.key === ']' && tag !== 'INPUT' && tag !== 'TEXTAREA') window.location = link.href;
        });
      }
    }
  }
})();

// The rule editor: clicking an error under its line selects that line in the text.
document.querySelectorAll('[data-line]').forEach(function (e) {
  e.addEventListener('click', function () {
    var area = document.getElementById('yaml'), lines = area.value.split('\n'), n = +e.dataset.line, start = 0;
    for (var i = 0; i < n - 1 && i < lines.length; i++) start += lines[i].length + 1;
    area.focus(); area.setSelectionRange(start, start + (lines[n - 1] || '').length);
    area.scrollTop = Math.max(0, (n - 5) * 16);
  });
});

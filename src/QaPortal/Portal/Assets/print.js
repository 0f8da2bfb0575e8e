// Print buttons (inline onclick handlers would need 'unsafe-inline' scripts).
document.querySelectorAll('button.print').forEach(function (b) { b.addEventListener('click', function () { window.print(); }); });

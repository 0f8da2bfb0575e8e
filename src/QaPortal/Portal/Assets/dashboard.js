// The dashboard's charts, drawn with the bundled ECharts from the figures in #dashboard-charts[data-figures];
// a click on a team, agent, rule or region opens its calls in the queue.
(function () {
  'use strict';
  var holder = document.getElementById('dashboard-charts');
  if (!window.echarts || !holder) return;
  var d = JSON.parse(holder.getAttribute('data-figures'));
  function chart(id, option, click) { var c = echarts.init(document.getElementById(id)); option.animation = false; c.setOption(option); if (click) c.on('click', click); return c; }
  function go(url) { return function (p) { window.location = url + encodeURIComponent(p.name); }; }
  function bars(title, x, a, b) {
    return { title: { text: title, textStyle: { fontSize: 14 } }, tooltip: {}, legend: { bottom: 0 }, xAxis: { type: 'category', data: x }, yAxis: {},
      series: [{ name: d.labels.fatal, type: 'bar', data: a }, { name: d.labels.nonFatal, type: 'bar', data: b }] };
  }
  chart('chart-teams', bars('', d.teams, d.fatal, d.nonFatal), go('/queue?team='));
  var w = bars(d.labels.weeks, d.weeks, d.weekFatal, d.weekNonFatal); w.series.forEach(function (s) { s.type = 'line'; }); chart('chart-weeks', w);
  chart('chart-agents', bars(d.labels.agents, d.agents, d.agentFatal, d.agentNonFatal), go('/queue?agent='));
  chart('chart-rules', { title: { text: d.labels.rules, textStyle: { fontSize: 14 } }, tooltip: {}, xAxis: { type: 'category', data: d.rules }, yAxis: {}, series: [{ type: 'bar', data: d.ruleCalls }] }, go('/queue?rule='));
  chart('chart-bands', { title: { text: d.labels.bands, textStyle: { fontSize: 14 } }, tooltip: {}, xAxis: { type: 'category', data: d.bands }, yAxis: {}, series: [{ type: 'bar', data: d.bandCalls }] });
  var max = Math.max.apply(null, d.heat.map(function (x) { return x[2]; }).concat([1]));
  var hours = []; for (var h = 0; h < 24; h++) hours.push(h);
  chart('chart-heat', { title: { text: d.labels.heat, textStyle: { fontSize: 14 } }, tooltip: {}, grid: { left: 80, top: 30, bottom: 50 }, xAxis: { type: 'category', data: hours }, yAxis: { type: 'category', data: d.regions },
    visualMap: { min: 0, max: max, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 }, series: [{ type: 'heatmap', data: d.heat }] },
    function (p) { window.location = '/queue?region=' + encodeURIComponent(d.regions[p.value[1]]); });
  chart('chart-causes', { title: { text: d.labels.causes, textStyle: { fontSize: 14 } }, tooltip: {}, series: [{ type: 'pie', radius: '60%', data: d.causes }] });
  chart('chart-fcr', { title: { text: d.labels.fcr, textStyle: { fontSize: 14 } }, tooltip: {}, xAxis: { type: 'category', data: d.fcrWeeks }, yAxis: { min: 0, max: 100 }, series: [{ type: 'line', data: d.fcr }] });
  window.dashboardCharts = true;
})();

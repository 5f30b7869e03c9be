// Draws each report chart with Chart.js (served by Libdesk from its own node_modules, no CDN) from the
// numbers on its canvas. The same numbers are in the table beside every chart, so nothing depends on this.
(() => {
  'use strict';
  if (typeof Chart === 'undefined') return;
  // Colours that keep 3:1 contrast against white, told apart by more than hue alone (see the tables too).
  const COLORS = ['#0b5cad', '#b35900', '#1a7f37', '#8250df', '#a40e26', '#57606a', '#0e7490', '#7d4e00'];
  for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
    let spec;
    try {
      spec = JSON.parse(canvas.dataset.chart);
    } catch {
      continue;
    }
    const horizontal = Boolean(spec.horizontal);
    canvas.parentElement.style.height = Math.max(220, horizontal ? spec.labels.length * 28 + 80 : 280) + 'px';
    new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map((dataset, index) => ({ ...dataset, backgroundColor: COLORS[index % COLORS.length], borderWidth: 0 })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        maintainAspectRatio: false,
        responsive: true,
        plugins: { legend: { display: spec.datasets.length > 1 } },
        scales: {
          x: { stacked: Boolean(spec.stacked), ticks: { precision: 0 } },
          y: { stacked: Boolean(spec.stacked), beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
  }
})();

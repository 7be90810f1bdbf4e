// The ECharts build the dashboard ships: only what its charts use (line series, grid, axes,
// tooltip, legend, mark lines, ARIA, the SVG renderer), bundled by esbuild at build time from
// the pinned npm package. One file, two uses:
//
// - in a page it is window.echarts, like the full build: the live chart a reader points at;
// - in a Web Worker it draws a chart's first view off the page's main thread: it takes
//   { id, option (JSON text), width, height } and answers { id, svg } or { id, error }.
//   ECharts' own server-side rendering (ssr: true) makes the SVG, so the first view is drawn
//   by the same code as the live chart and looks the same.
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, TitleComponent, SVGRenderer]);

// Inline style attributes and <style> elements are refused by the dashboard's
// Content-Security-Policy (style-src 'self'): the text styles become presentation attributes,
// and the hover styles (only for the live chart) are left out.
function presentational(svg) {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_, css) => css.split(';')
      .map(rule => rule.trim()).filter(Boolean)
      .map(rule => {
        const colon = rule.indexOf(':');
        return ` ${rule.slice(0, colon).trim()}="${rule.slice(colon + 1).trim()}"`;
      }).join(''));
}

function draw({ option, width, height }) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const parsed = JSON.parse(option);
    parsed.animation = false;
    chart.setOption(parsed);
    return presentational(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

if (typeof window !== 'undefined') {
  window.echarts = echarts;
} else {
  // Text is measured as in a page: on a canvas (the worker's own).
  if (typeof OffscreenCanvas !== 'undefined') {
    echarts.setPlatformAPI({ createCanvas: () => new OffscreenCanvas(1, 1) });
  }
  self.onmessage = ({ data }) => {
    try {
      self.postMessage({ id: data.id, svg: draw(data) });
    } catch (e) {
      self.postMessage({ id: data.id, error: String(e && e.message || e) });
    }
  };
}

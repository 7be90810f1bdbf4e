// The ECharts build the dashboard ships: only what its charts use (line series, grid, axes,
// tooltip, legend, mark lines, ARIA, the SVG renderer), bundled by esbuild at build time from
// the pinned npm package. It is window.echarts, like the full build, and loads only when a
// reader points at a chart: the live chart with its tooltips. A chart's first view is drawn
// without it, as SVG from the same option (crates/wegmarke-core/src/charts/svg.rs).
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, TitleComponent, SVGRenderer]);

window.echarts = echarts;

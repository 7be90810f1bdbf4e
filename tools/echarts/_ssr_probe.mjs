import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, TitleComponent, SVGRenderer]);
const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 380, height: 300 });
c.setOption({ animation: false, legend: {}, xAxis: { type: 'category', data: ['2019','2020'] }, yAxis: {name:'%'}, series: [{ type: 'line', name: 'Ausl', data: [1, 2], markLine: {data: [{yAxis: 1.5}]}}] });
console.log(c.renderToSVGString());

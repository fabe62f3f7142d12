// The only place ECharts is imported: core plus exactly the pieces we draw
// with, so the bundle carries nothing else. SVG renderer: crisp text, small
// for our chart sizes, and exportable as SVG.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

export { echarts };
export type { EChartsCoreOption, EChartsType } from 'echarts/core';

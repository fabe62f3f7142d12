// The only place ECharts is set up: core plus exactly the pieces we draw
// with, so the bundle carries nothing else. SVG renderer: crisp text, small
// for our chart sizes, and exportable as SVG. The first chart of the default
// view is a bar chart: bars, grid, reference lines and the renderer come with
// the page; line charts and the hover tooltip arrive in a second chunk,
// fetched after the first paint or when a line chart is asked for.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, MarkLineComponent, SVGRenderer]);

let extras: Promise<void> | null = null;
let extrasReady = false;

/** Registers line charts and tooltips (once); resolves when they can be drawn. */
export function loadChartExtras(): Promise<void> {
  extras ??= import('./echarts-extras.ts').then((m) => {
    m.registerExtras(echarts);
    extrasReady = true;
  });
  return extras;
}

/** Whether line charts and tooltips are registered. */
export function chartExtrasReady(): boolean {
  return extrasReady;
}

export { echarts };
export type { EChartsCoreOption, EChartsType } from 'echarts/core';

// The ECharts pieces the first chart does not need (see echarts.ts).
import { LineChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import type * as Core from 'echarts/core';

export function registerExtras(echarts: typeof Core): void {
  echarts.use([LineChart, TooltipComponent]);
}

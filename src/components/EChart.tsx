// echarts-for-react on our tree-shaken ECharts core, SVG renderer.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts, type EChartsCoreOption, type EChartsType } from '../lib/echarts.ts';

function markPainted() {
  performance.mark('bvd:chart');
}

interface Props {
  option: EChartsCoreOption;
  height: number;
  onItemClick?: (params: { seriesIndex?: number; dataIndex?: number }) => void;
  onReady?: (chart: EChartsType) => void;
  className?: string;
}

export function EChart({ option, height, onItemClick, onReady, className }: Props) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      lazyUpdate={false}
      opts={{ renderer: 'svg' }}
      style={{ height, width: '100%' }}
      className={className}
      // 'finished' marks each completed paint, for the benchmarks (performance.getEntriesByName('bvd:chart')).
      onEvents={onItemClick ? { click: onItemClick, finished: markPainted } : { finished: markPainted }}
      // The first setOption fires 'finished' before the handlers above are bound: mark it here too.
      onChartReady={(chart) => {
        markPainted();
        onReady?.(chart);
      }}
    />
  );
}

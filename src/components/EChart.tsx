// echarts-for-react on our tree-shaken ECharts core, SVG renderer.
import { useEffect, useMemo, useRef, useState } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { chartExtrasReady, echarts, loadChartExtras, type EChartsCoreOption, type EChartsType } from '../lib/echarts.ts';

const OPTS = { renderer: 'svg' } as const;

let quiet = false;
function markPainted() {
  if (!quiet) performance.mark('bvd:chart');
}

interface Props {
  option: EChartsCoreOption;
  height: number;
  onItemClick?: (params: { seriesIndex?: number; dataIndex?: number }) => void;
  onReady?: (chart: EChartsType) => void;
  className?: string;
}

const drawsLines = (option: EChartsCoreOption) => ([] as { type?: string }[]).concat((option.series as never) ?? []).some((s) => s?.type === 'line');

export function EChart({ option: wanted, height, onItemClick, onReady, className }: Props) {
  const ref = useRef<ReactEChartsCore>(null);
  // A new option is drawn in a task of its own, after the page around it has rendered: at national scale
  // the two together took over 50 ms, which a reader feels as a stall. React runs a store update's
  // effects in the task that rendered it, so the hand-over waits for a timeout.
  const [option, setOption] = useState(wanted);
  useEffect(() => {
    if (option === wanted) return;
    const id = setTimeout(() => setOption(() => wanted));
    return () => clearTimeout(id);
  }, [option, wanted]);
  const [extras, setExtras] = useState(chartExtrasReady);
  const extrasAtDraw = useRef(extras);
  useEffect(() => {
    if (extras) return;
    let live = true;
    // Asked once the chart is on screen: the tooltip is for hovering over it.
    void loadChartExtras().then(() => live && setExtras(true));
    return () => {
      live = false;
    };
  }, [extras]);
  useEffect(() => {
    if (!extras || extrasAtDraw.current) return;
    extrasAtDraw.current = true;
    // Drawn before the tooltip was registered: draw again so that it is there. Not a new paint for the benchmarks.
    const chart = ref.current?.getEchartsInstance();
    if (!chart) return;
    quiet = true;
    try {
      chart.setOption(option, true);
    } finally {
      quiet = false;
    }
  }, [extras, option]);
  // Handlers that keep their identity, so that echarts-for-react (a PureComponent) does not render
  // again, and rebind its events, each time the page around the chart renders.
  const handlers = useRef({ onItemClick, onReady });
  handlers.current = { onItemClick, onReady };
  const clickable = onItemClick !== undefined;
  const onEvents = useMemo(
    (): Record<string, (p: { seriesIndex?: number; dataIndex?: number }) => void> =>
      clickable ? { click: (p) => handlers.current.onItemClick?.(p), finished: markPainted } : { finished: markPainted },
    [clickable],
  );
  const onChartReady = useMemo(
    () => (chart: EChartsType) => {
      extrasAtDraw.current = chartExtrasReady();
      markPainted();
      handlers.current.onReady?.(chart);
    },
    [],
  );
  const style = useMemo(() => ({ height, width: '100%' }), [height]);
  // A line chart waits for its module (a few kB, usually there by the time it is asked for).
  if (!extras && drawsLines(option)) return <div className={className} style={{ height, width: '100%' }} aria-busy="true" />;
  return (
    <ReactEChartsCore
      ref={ref}
      echarts={echarts}
      option={option}
      notMerge
      lazyUpdate={false}
      opts={OPTS}
      style={style}
      className={className}
      // 'finished' marks each completed paint, for the benchmarks (performance.getEntriesByName('bvd:chart')).
      onEvents={onEvents}
      // The first setOption fires 'finished' before the handlers above are bound: mark it here too.
      onChartReady={onChartReady}
    />
  );
}

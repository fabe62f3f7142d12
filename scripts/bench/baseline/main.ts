// The benchmark baseline: the least a page can do to draw what the app's
// default view draws. It fetches the same manifest and indicator file (for an
// indicator written in slices, its slice of latest values), takes
// each district's latest value in the most widely reported basis (beyond 24
// districts only the top and bottom 12, as the app does), and draws a
// horizontal bar chart of the same height per bar with ECharts alone (core,
// BarChart, GridComponent, SVGRenderer; no React, no app code), marking
// performance.mark('bvd:chart') on ECharts' 'finished' event as the app does.
// Bars are labelled with district ids: the baseline does not fetch the
// metadata file the app needs for names.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, SVGRenderer]);

interface ObsFile {
  columns: string[];
  rows: unknown[][];
}

/** A slice file: the same columns, stored column by column. */
interface SliceFile {
  columns: string[];
  rows: number;
  data: unknown[][];
}

const DATA = '../data/';
/** src/features/compare/compare-model.ts DEFAULT_CAP. */
const CAP = 24;

async function main(): Promise<void> {
  const indicator = new URLSearchParams(location.search).get('ind') ?? 'dual_teacher_share';
  const manifest = (await (await fetch(`${DATA}manifest.json`, { cache: 'no-cache' })).json()) as {
    files: { indicators: Record<string, string>; slices?: Record<string, { latest: string }> };
  };
  // The smallest file that holds every district's latest value, as the app reads: a large indicator's latest slice.
  const latestSlice = manifest.files.slices?.[indicator]?.latest;
  const path = latestSlice ?? manifest.files.indicators[indicator];
  if (!path) throw new Error(`no data for ${indicator}`);
  const json = (await (await fetch(DATA + path)).json()) as ObsFile | SliceFile;
  const file: ObsFile = 'data' in json ? { columns: json.columns, rows: Array.from({ length: json.rows }, (_, i) => json.data.map((c) => c[i])) } : json;
  const at = (name: string) => file.columns.indexOf(name);
  const [cD, cY, cV, cB] = [at('district'), at('year'), at('value'), at('basis')];

  // The most widely reported basis, as the app picks by default.
  const districtsByBasis = new Map<string, Set<string>>();
  for (const r of file.rows) {
    const b = String(r[cB]);
    let s = districtsByBasis.get(b);
    if (!s) districtsByBasis.set(b, (s = new Set()));
    s.add(String(r[cD]));
  }
  const basis = [...districtsByBasis.entries()].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';

  // Each district's latest value.
  const latest = new Map<string, { year: number; value: number }>();
  for (const r of file.rows) {
    if (String(r[cB]) !== basis) continue;
    const d = String(r[cD]);
    const year = Number(r[cY]);
    const prev = latest.get(d);
    if (!prev || year > prev.year) latest.set(d, { year, value: Number(r[cV]) });
  }
  let bars = [...latest.entries()].sort((a, b) => b[1].value - a[1].value);
  // As the app's default view: more than 24 districts and only the top and bottom 12 are drawn.
  if (bars.length > CAP) bars = [...bars.slice(0, CAP / 2), ...bars.slice(-CAP / 2)];

  const el = document.getElementById('chart')!;
  el.style.height = `${Math.max(180, 70 + bars.length * 40)}px`;
  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.on('finished', () => {
    performance.mark('bvd:chart');
  });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 60, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: bars.map(([d]) => d), axisTick: { show: false } },
    series: [{ type: 'bar', data: bars.map(([, v]) => v.value), barMaxWidth: 28, label: { show: true, position: 'right' } }],
  });
}

main().catch((e: unknown) => {
  document.body.append(String(e));
  console.error(e);
});

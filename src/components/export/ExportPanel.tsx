// Take the view away: images for slides (PNG at 2×, SVG), the data on
// screen (CSV, JSON) with provenance, an embed snippet, presentation mode and
// print. Loaded only when asked for, so a first visit does not pay for it.
import { useState } from 'react';
import type { Meta } from '../../dataset/meta.ts';
import { useManifest } from '../../dataset/store.ts';
import type { DataObservation } from '../../domain/obs-file.ts';
import { toPublicCsv, toTableCsv, type ShownTable } from '../../domain/public-csv.ts';
import { echarts, loadChartExtras, type EChartsCoreOption } from '../../lib/echarts.ts';
import { useLang, useT } from '../../i18n/use-t.ts';
import { permalink, setView, useView } from '../../state/store.ts';
import { composeSvg, PRESETS, type ExportText, type Preset } from './compose-svg.ts';
import { EmbedDialog } from './EmbedDialog.tsx';
import { svgToPng, withPngText } from './png.ts';

export interface ExportSpec {
  fileStem: string;
  text: Omit<ExportText, 'footer'>;
  /** The chart option for a given type scale, without DOM tooltips; views without a chart have none (no image, embed or presentation). */
  option?: (scale: number) => EChartsCoreOption;
  screen?: { width: number; height: number };
  /** The observations shown, with their provenance. */
  rows: DataObservation[];
  /** The view's own table as shown (order, columns), when it has one: the CSV then holds it. */
  table?: ShownTable;
  meta: Meta;
}

/** The chart alone as SVG text, rendered off-screen at a size. */
export function renderChartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function exportSvg(spec: ExportSpec, footer: string, preset: Preset): string {
  const text: ExportText = { ...spec.text, footer };
  const typeScale = Math.max(1, preset.width / 1000);
  return composeSvg(text, preset.width, preset.height, (box) => renderChartSvg(spec.option!(typeScale), box.width, box.height)).svg;
}

function download(name: string, blob: Blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function dataJson(spec: ExportSpec, link: string, version: string, dataDate: string): string {
  const { meta } = spec;
  return JSON.stringify(
    {
      title: spec.text.title,
      subtitle: spec.text.subtitle,
      description: spec.text.description,
      link,
      dataVersion: version,
      dataDate,
      ...(spec.table ? { table: { columns: spec.table.columns, rows: spec.table.rows } } : {}),
      observations: spec.rows.map((o) => ({
        id: o.id,
        district: o.district,
        districtName: meta.district.get(o.district)?.[spec.text.lang === 'zh' ? 'nameZh' : 'nameEn'] ?? o.district,
        year: o.year,
        period: o.period,
        indicator: o.indicator,
        value: o.value,
        unit: meta.indicator.get(o.indicator)?.unit ?? '',
        basis: o.basis,
        scope: o.scope,
        n: o.n,
        source: o.source,
        sourceTitle: meta.source.get(o.source)?.title ?? '',
        locator: o.locator,
        quote: o.quote,
        flags: o.flags,
        formula: o.formula,
        inputs: o.inputs,
        noteZh: o.noteZh,
        noteEn: o.noteEn,
      })),
    },
    null,
    2,
  );
}

export default function ExportPanel({ spec }: { spec: ExportSpec }) {
  const t = useT();
  const lang = useLang();
  const state = useView();
  const manifest = useManifest();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [embed, setEmbed] = useState(false);
  if (!manifest) return null;
  const link = permalink(state, manifest.version);
  const footer = `${t('app.title')} · ${t('app.dataVersion', { version: manifest.version, date: manifest.dataDate })} · ${link}`;
  const screen = spec.screen ?? { width: 960, height: 600 };
  const presets: Preset[] = [PRESETS.slide169, PRESETS.slide43, { id: 'screen', width: Math.round(screen.width), height: Math.round(screen.height) }];
  const run = async (what: string, job: () => Promise<void> | void) => {
    setBusy(what);
    setError(null);
    try {
      await job();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const png = (p: Preset) =>
    run(`png-${p.id}`, async () => {
      await loadChartExtras(); // line charts
      const svg = exportSvg(spec, footer, p);
      const blob = await svgToPng(svg, p.width, p.height, 2);
      const bytes = withPngText(new Uint8Array(await blob.arrayBuffer()), 'Description', spec.text.description);
      download(`${spec.fileStem}-${p.id}.png`, new Blob([bytes], { type: 'image/png' }));
    });
  const svg = (p: Preset) =>
    run(`svg-${p.id}`, async () => {
      await loadChartExtras(); // line charts
      download(`${spec.fileStem}-${p.id}.svg`, new Blob([exportSvg(spec, footer, p)], { type: 'image/svg+xml;charset=utf-8' }));
    });
  const tableCsv = () => run('table-csv', () => download(`${spec.fileStem}.csv`, new Blob([toTableCsv(spec.table!)], { type: 'text/csv;charset=utf-8' })));
  const csv = () =>
    run('csv', () =>
      download(
        spec.table ? `${spec.fileStem}-observations.csv` : `${spec.fileStem}.csv`,
        new Blob([toPublicCsv(spec.rows, { refs: { districts: spec.meta.district, indicators: spec.meta.indicator, sources: spec.meta.source } })], { type: 'text/csv;charset=utf-8' }),
      ),
    );
  const json = () => run('json', () => download(`${spec.fileStem}.json`, new Blob([dataJson(spec, link, manifest.version, manifest.dataDate)], { type: 'application/json' })));
  const label = (p: Preset) => t(p.id === 'slide169' ? 'export.slide169' : p.id === 'slide43' ? 'export.slide43' : 'export.screen');
  return (
    <div className="export-panel" data-testid="export-panel">
      {spec.option ? (
        <div className="export-panel__group" role="group" aria-label={t('export.image')}>
          <span className="export-panel__label">{t('export.image')}</span>
          {presets.map((p) => (
            <span key={p.id} className="export-panel__preset">
              {label(p)}:{' '}
              <button type="button" className="button button--small" onClick={() => png(p)} disabled={busy !== null} data-testid={`png-${p.id}`}>
                PNG
              </button>{' '}
              <button type="button" className="button button--small" onClick={() => svg(p)} disabled={busy !== null} data-testid={`svg-${p.id}`}>
                SVG
              </button>
            </span>
          ))}
        </div>
      ) : null}
      <div className="export-panel__group" role="group" aria-label={t('export.data')}>
        <span className="export-panel__label">{t('export.data')}</span>
        {spec.table ? (
          <button type="button" className="button button--small" onClick={tableCsv} disabled={busy !== null} data-testid="export-table-csv">
            {t('export.tableCsv')}
          </button>
        ) : null}
        {spec.rows.length > 0 || !spec.table ? (
          <button type="button" className="button button--small" onClick={csv} disabled={busy !== null} data-testid="export-csv">
            {spec.table ? t('export.obsCsv') : 'CSV'}
          </button>
        ) : null}
        <button type="button" className="button button--small" onClick={json} disabled={busy !== null} data-testid="export-json">
          JSON
        </button>
      </div>
      {spec.option ? (
        <div className="export-panel__group">
          <button type="button" className="button button--small" aria-expanded={embed} onClick={() => setEmbed((v) => !v)} data-testid="embed-open">
            {t('export.embed')}
          </button>
          <button type="button" className="button button--small" onClick={() => setView({ present: true })} data-testid="present">
            {t('export.present')}
          </button>
          <button type="button" className="button button--small" onClick={() => window.print()}>
            {t('export.print')}
          </button>
        </div>
      ) : null}
      <details className="export-panel__alt">
        <summary>{t('export.altText')}</summary>
        <p data-testid="alt-text">{spec.text.description}</p>
      </details>
      {busy ? <p className="muted">{t('export.working')}</p> : null}
      {error ? <p role="alert">{error}</p> : null}
      {embed ? <EmbedDialog title={spec.text.title} lang={lang} /> : null}
    </div>
  );
}

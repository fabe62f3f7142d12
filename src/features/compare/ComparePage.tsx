import { useEffect, useMemo, useRef, useState } from 'react';
import type { DataObservation } from '../../domain/obs-file.ts';
import { useMediaQuery } from '../../components/use-media-query.ts';
import { ChartNotes } from '../../components/ChartNotes.tsx';
import { EChart } from '../../components/EChart.tsx';
import { sourcePatch } from '../../components/links.ts';
import { BasisPicker, DistrictPicker, IndicatorPicker, Segmented, YearRange, YearSelect } from '../../components/pickers.tsx';
import { ShareBar } from '../../components/ShareBar.tsx';
import { ExportToggle } from '../../components/ExportToggle.tsx';
import { ViewLink } from '../../components/ViewLink.tsx';
import { useIndicatorRowsFor, useManifest, useMeta, type IndicatorSummary } from '../../dataset/store.ts';
import { rowsNeeded } from '../../domain/select.ts';
import type { Meta } from '../../dataset/meta.ts';
import { formatValue } from '../../domain/format.ts';
import { basisLabel, districtName, flagName, type Lang, type T } from '../../i18n/i18n.ts';
import { useLang, useT } from '../../i18n/use-t.ts';
import { permalink, setView, useView } from '../../state/store.ts';
import type { ViewState } from '../../state/view-state.ts';
import { barOption, chartItems, hitAt, lineOption, pointAt } from './chart-options.ts';
import { observationDetails } from '../../components/observation-details.ts';
import type { EChartsType } from '../../lib/echarts.ts';
import { compareModel, type CompareModel } from './compare-model.ts';
import { describeCompare } from './describe.ts';
import { ChartLegend } from './ChartLegend.tsx';
import { YearPlayer } from './YearPlayer.tsx';
import { legendItems } from './legend.ts';


export function chartHeight(m: CompareModel, scale = 1): number {
  return m.chart === 'bar' ? Math.max(180, 70 + m.bars.length * 40) * scale : 380 * scale;
}

export default function ComparePage() {
  const meta = useMeta();
  const state = useView();
  const t = useT();
  const lang = useLang();
  // A large indicator comes in slices: only those this chart draws from are fetched.
  const need = rowsNeeded(state);
  const { rows, error, summary } = useIndicatorRowsFor(state.indicator, need);
  // While a newly chosen indicator loads, keep showing the previous one: controls
  // that vanished and came back would drop the keyboard focus of whoever is using them.
  const last = useRef<{ indicator: string; rows: DataObservation[]; summary?: IndicatorSummary; state: ViewState } | null>(null);
  if (rows) last.current = { indicator: state.indicator, rows, ...(summary ? { summary } : {}), state };
  const stale = !rows && last.current !== null;
  // Until they come the chart keeps the very state it drew (the same object: nothing is computed or drawn
  // again). The controls show the last state too, but for another year of the same indicator, the choice.
  const sameIndicator = stale && last.current!.indicator === state.indicator;
  const shown = !stale ? state : sameIndicator ? state : last.current!.state;
  const drawn = stale ? last.current!.state : state;
  const shownRows = rows ?? last.current?.rows;
  const shownSummary = rows ? summary : last.current?.summary;
  // One model for the chart and the controls when they show one state (at national scale it is not free).
  const model = useMemo(() => (meta && shownRows ? compareModel(drawn, shownRows, meta, shownSummary) : null), [drawn, shownRows, meta, shownSummary]);
  const controlsModel = useMemo(() => (shown === drawn ? model : meta && shownRows ? compareModel(shown, shownRows, meta, shownSummary) : null), [shown, drawn, model, shownRows, meta, shownSummary]);
  if (!meta) return null;
  if (!meta.indicator.has(state.indicator)) return <p role="alert">{t('notice.unknownIndicator', { id: state.indicator })}</p>;
  return (
    <section className="compare" aria-labelledby="compare-title" aria-busy={!rows}>
      {state.embed ? null : <CompareControls meta={meta} state={shown} chosen={state.indicator} lang={lang} t={t} rows={shownRows} summary={shownSummary} model={controlsModel} />}
      {error ? <p role="alert">{t('app.loadError', { error })}</p> : null}
      {stale ? (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {shownRows ? <CompareChart meta={meta} state={drawn} lang={lang} t={t} model={model} /> : <p className="loading">{t('common.loading')}</p>}
    </section>
  );
}

function CompareControls(props: { meta: Meta; state: ViewState; chosen: string; lang: Lang; t: T; rows: DataObservation[] | undefined; summary: IndicatorSummary | undefined; model: CompareModel | null }) {
  const { meta, state, chosen, lang, t, rows, summary, model } = props;
  const manifest = useManifest();
  const available = useMemo(() => new Set(Object.keys(manifest?.files.indicators ?? {})), [manifest]);
  const withData = useMemo(() => new Set(model?.withData ?? []), [model]);
  const otherBasis = useMemo(() => new Set((rows ?? []).filter((o) => o.indicator === state.indicator && !withData.has(o.district)).map((o) => o.district)), [rows, state.indicator, withData]);
  const allYears = useMemo(() => {
    if (summary) return summary.years;
    const ys = [...new Set((rows ?? []).filter((o) => o.indicator === state.indicator).map((o) => o.year))].sort((a, b) => a - b);
    return ys;
  }, [rows, state.indicator, summary]);
  return (
    <div className="controls" role="group" aria-label={t('nav.label')}>
      <IndicatorPicker
        meta={meta}
        value={chosen}
        available={available}
        lang={lang}
        t={t}
        onChange={(indicator) => setView({ indicator, basis: null, year: 'latest' })}
      />
      <DistrictPicker meta={meta} value={state.districts} withData={withData} otherBasis={otherBasis} lang={lang} t={t} onChange={(districts) => setView({ districts })} />
      {model && model.bases.length > 1 ? <BasisPicker bases={model.bases} value={model.basis} meta={meta} lang={lang} t={t} onChange={(basis) => setView({ basis })} /> : null}
      <Segmented
        label={t('pick.chart')}
        value={state.chart}
        options={[
          { value: 'bar', label: t('pick.bar') },
          { value: 'line', label: t('pick.line') },
        ]}
        onChange={(chart) => setView({ chart })}
      />
      {state.chart === 'bar' ? (
        <>
          <YearSelect
            value={state.year}
            years={state.common && model ? model.common : allYears}
            allowLatest={!state.common}
            onChange={(year) => setView({ year })}
            t={t}
          />
          <YearPlayer years={state.common && model ? model.common : allYears} value={state.year} onChange={(year, how) => setView({ year }, how)} t={t} />
        </>
      ) : allYears.length > 1 ? (
        <YearRange
          bounds={[allYears[0]!, allYears[allYears.length - 1]!]}
          from={state.from}
          to={state.to}
          onChange={(from, to, how) => setView({ from, to }, how)}
          t={t}
        />
      ) : null}
      <fieldset className="checks">
        <legend>{t('pick.refs')}</legend>
        <label>
          <input type="checkbox" checked={state.common} onChange={(e) => setView({ common: e.target.checked })} /> {t('pick.common')}
        </label>
        <label>
          <input type="checkbox" checked={state.refMedian} onChange={(e) => setView({ refMedian: e.target.checked })} /> {t('pick.refMedian')}
        </label>
        <label>
          <input type="checkbox" checked={state.refGroup} onChange={(e) => setView({ refGroup: e.target.checked })} /> {t('pick.refGroup')}
        </label>
        <label>
          <input type="checkbox" checked={state.refRank} onChange={(e) => setView({ refRank: e.target.checked })} /> {t('pick.refRank')}
        </label>
      </fieldset>
    </div>
  );
}

function CompareChart(props: { meta: Meta; state: ViewState; lang: Lang; t: T; model: CompareModel | null }) {
  const { meta, state, lang, t, model } = props;
  const compact = useMediaQuery('(max-width: 600px)');
  const scale = state.present ? 1.5 : 1;
  const words = useMemo(() => (model ? describeCompare(model, meta, lang, t) : null), [model, meta, lang, t]);
  const chartBox = useRef<HTMLDivElement>(null);
  const legend = useMemo(() => (model ? legendItems(model, meta, lang, t, { refMedian: state.refMedian, refGroup: state.refGroup }) : []), [model, meta, lang, t, state.refMedian, state.refGroup]);
  const [tab, setTab] = useState<'chart' | 'table'>('chart');
  // Keyboard: the chart takes the focus, arrows move from item to item (showing
  // its tooltip and saying it aloud), Enter opens its source, Esc hides the tip.
  const chart = useRef<EChartsType | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const items = useMemo(() => (model ? chartItems(model) : []), [model]);
  useEffect(() => setActive(null), [items]);
  const spoken = useMemo(() => {
    const it = active === null ? undefined : items[active];
    const hit = it && model ? hitAt(model, t, it) : null;
    if (!hit) return '';
    const d = observationDetails(hit.p, { lang, t, meta }, { standInFor: hit.standInFor, rank: hit.rank });
    return [d.title, d.value, ...d.lines, d.flags.map((f) => f.name).join(lang === 'zh' ? '、' : ', '), d.hint].filter(Boolean).join(lang === 'zh' ? '，' : ', ');
  }, [active, items, model, t, lang, meta]);
  const openSource = (p: ReturnType<typeof pointAt>) => {
    if (!p?.obs.source) return;
    if (state.embed) window.open(permalinkTo(sourcePatch(p.obs.source, p.obs.id)), '_blank', 'noopener');
    else setView(sourcePatch(p.obs.source, p.obs.id));
  };
  const showItem = (i: number | null) => {
    const c = chart.current;
    setActive(i);
    if (!c) return;
    c.dispatchAction({ type: 'downplay' });
    if (i === null) {
      c.dispatchAction({ type: 'hideTip' });
      return;
    }
    const it = items[i]!;
    c.dispatchAction({ type: 'highlight', seriesIndex: it.seriesIndex, dataIndex: it.dataIndex });
    c.dispatchAction({ type: 'showTip', seriesIndex: it.seriesIndex, dataIndex: it.dataIndex });
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (items.length === 0) return;
    const last = items.length - 1;
    const next: Record<string, number> = {
      ArrowDown: active === null ? 0 : Math.min(last, active + 1),
      ArrowRight: active === null ? 0 : Math.min(last, active + 1),
      ArrowUp: active === null ? 0 : Math.max(0, active - 1),
      ArrowLeft: active === null ? 0 : Math.max(0, active - 1),
      Home: 0,
      End: last,
    };
    if (e.key in next) showItem(next[e.key]!);
    else if (e.key === 'Enter' && active !== null) openSource(items[active]!.point);
    else if (e.key === 'Escape' && active !== null) showItem(null);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const option = useMemo(() => {
    if (!model || !words || model.empty) return null;
    const ctx = { lang, t, meta, refMedian: state.refMedian, refGroup: state.refGroup, refRank: state.refRank, compact, scale };
    return model.chart === 'bar' ? barOption(model, ctx) : lineOption(model, ctx);
  }, [model, words, lang, t, meta, state.refMedian, state.refGroup, state.refRank, compact, scale]);
  if (!model || !words) return null;
  const sources = words.sources.map((s) => meta.source.get(s.id)!).filter(Boolean);
  const exportSpec = () => ({
    fileStem: [model.indicator.id, model.basis || 'total', model.chart === 'bar' ? (model.barYear ?? 'latest') : `${model.years[0] ?? ''}-${model.years[model.years.length - 1] ?? ''}`].join('-'),
    text: {
      title: words.title,
      subtitle: words.subtitle,
      description: [words.summary, ...words.notes].join(' '),
      notes: [...words.notes, ...words.flagged.map((f) => `${f.label}（${f.flags.map((x) => x.name).join('、')}）：${f.note}`.replace(/（/g, lang === 'en' ? ' (' : '（').replace(/）：/g, lang === 'en' ? '): ' : '）：'))],
      sourceLine: words.sourceLine,
      lang,
      legend: legend.map((i) => ({ label: i.label, swatch: i.swatch })),
    },
    option: (s: number) => {
      const ctx = { lang, t, meta, refMedian: state.refMedian, refGroup: state.refGroup, refRank: state.refRank, scale: s, noTooltip: true };
      return model.chart === 'bar' ? barOption(model, ctx) : lineOption(model, ctx);
    },
    screen: { width: chartBox.current?.clientWidth ?? 960, height: chartHeight(model) + 300 },
    rows: model.chart === 'bar' ? model.bars.map((b) => b.point.obs) : model.points.map((p) => p.obs),
    meta,
  });
  const showTable = state.embed && state.embedTable && tab === 'table';
  const showLegend = !model.empty && !showTable;
  return (
    <figure className="chart-frame" data-testid="compare-chart">
      <figcaption className="chart-frame__head">
        <h2 id="compare-title" className="chart-frame__title">
          {words.title}
        </h2>
        <p className="chart-frame__subtitle">{words.subtitle}</p>
        <p className="chart-frame__summary" data-testid="chart-summary">
          {words.summary}
        </p>
        {showLegend ? <ChartLegend items={legend} label={t('flag.legend')} /> : null}
      </figcaption>
      {state.embed && state.embedTable ? (
        <div className="tabs" role="tablist">
          {(['chart', 'table'] as const).map((k) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'is-active' : ''} onClick={() => setTab(k)}>
              {t(k === 'chart' ? 'embed.chart' : 'embed.table')}
            </button>
          ))}
        </div>
      ) : null}
      {model.empty === 'no-common' ? <p className="chart-frame__empty">{t('pick.noCommon')}</p> : null}
      {model.empty === 'no-data' ? <p className="chart-frame__empty">{t('chart.noData')}</p> : null}
      {model.elsewhere.size > 0 && !state.embed ? (
        <p className="chart-frame__elsewhere" data-testid="other-basis">
          {[...model.elsewhere].map(([d, bs]) => (
            <button key={d} type="button" className="button button--small" onClick={() => setView({ basis: bs[0]! })}>
              {t('chart.showBasis', { district: districtName(meta.district.get(d), lang, d), basis: basisLabel(bs[0]!, model.bases, meta.basis, lang) })}
            </button>
          ))}
        </p>
      ) : null}
      {option && !showTable ? (
        <div
          className="chart-frame__chart"
          role="group"
          aria-roledescription={t('chart.roleDesc')}
          aria-label={words.summary}
          aria-describedby="chart-keys"
          tabIndex={0}
          ref={chartBox}
          onKeyDown={onKey}
          onBlur={() => active !== null && showItem(null)}
          data-testid="chart-focus"
        >
          <EChart
            option={option}
            height={chartHeight(model, scale)}
            onReady={(c) => (chart.current = c)}
            onItemClick={(params) => openSource(pointAt(model, params))}
          />
          <p id="chart-keys" className="visually-hidden">
            {t('chart.keys')}
          </p>
          <p className="visually-hidden" aria-live="polite" data-testid="chart-spoken">
            {spoken}
          </p>
        </div>
      ) : null}
      {showTable ? <DataTable model={model} meta={meta} lang={lang} t={t} open /> : null}
      <ChartNotes notes={words.notes} flagged={words.flagged} legend={words.legend} sources={words.sources} notesTitle={t('chart.notes')} lang={lang} />
      {state.embed ? null : (
        <>
          <ShareBar what={words.title} sources={sources}>
            <ExportToggle spec={exportSpec} label={t('export.button')} />
          </ShareBar>
          <DataTable model={model} meta={meta} lang={lang} t={t} />
        </>
      )}
    </figure>
  );
}

/** The chart's values as a table: the text alternative, and a way to every source. */
function DataTable({ model, meta, lang, t, open }: { model: CompareModel; meta: Meta; lang: Lang; t: T; open?: boolean }) {
  const points = model.chart === 'bar' ? model.bars.map((b) => b.point) : model.points;
  if (points.length === 0) return null;
  return (
    <details className="data-table" open={open}>
      <summary>{t('chart.showTable')}</summary>
      <table>
        <caption className="visually-hidden">{t('chart.dataTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.district')}</th>
            <th scope="col">{t('chart.year')}</th>
            <th scope="col">{t('chart.value')}</th>
            <th scope="col">{t('chart.flags')}</th>
            <th scope="col">{t('chart.source')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.obs.id}>
              <th scope="row">{districtName(meta.district.get(p.district), lang, p.district)}</th>
              <td>{p.year}</td>
              <td className="num">
                {formatValue(p.value, model.indicator, lang)}
                {p.obs.n !== null ? <span className="muted"> (n = {p.obs.n})</span> : null}
              </td>
              <td>{p.obs.flags.map((f) => flagName(f, lang)).join(lang === 'zh' ? '、' : ', ')}</td>
              <td>
                {p.obs.source && useView.getState().embed ? (
                  <a href={permalinkTo(sourcePatch(p.obs.source, p.obs.id))} target="_blank" rel="noopener">
                    {p.obs.locator || p.obs.source}
                  </a>
                ) : p.obs.source ? (
                  <ViewLink to={sourcePatch(p.obs.source, p.obs.id)}>{p.obs.locator || p.obs.source}</ViewLink>
                ) : (
                  t('sources.userData')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** An absolute link to another view of the full dashboard (used from embeds, which open it in a new tab). */
function permalinkTo(patch: Partial<ViewState>): string {
  return permalink({ ...useView.getState(), ...patch }, null);
}

// The table view: districts × years for one indicator, or districts ×
// indicators for one year. TanStack Table does sorting, filtering and column
// visibility; the URL holds all three.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { BasisPicker, IndicatorPicker, Segmented, YearSelect } from '../../components/pickers.tsx';
import { sourcePatch } from '../../components/links.ts';
import { ViewLink } from '../../components/ViewLink.tsx';
import { useAllRows, useIndicatorRows, useManifest, useMeta } from '../../dataset/store.ts';
import type { Meta } from '../../dataset/meta.ts';
import { formatValue } from '../../domain/format.ts';
import { districtMatches } from '../../domain/search.ts';
import type { Point } from '../../domain/select.ts';
import { basisName, districtName, flagName, groupName, indicatorName, type Lang, type T } from '../../i18n/i18n.ts';
import { useLang, useT } from '../../i18n/use-t.ts';
import { setView, useView } from '../../state/store.ts';
import type { ViewState } from '../../state/view-state.ts';
import { formatSort, indicatorsTable, parseSort, shownTable, yearsTable, type TableModel, type TableRow } from './table-model.ts';
import { basesOf } from '../../domain/select.ts';
import { ShareBar } from '../../components/ShareBar.tsx';
import { ExportToggle } from '../../components/ExportToggle.tsx';
import type { ExportSpec } from '../../components/export/ExportPanel.tsx';

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
});
const helper = createColumnHelper<typeof features, TableRow>();

/** Tables longer than this are windowed; rows then have a fixed height. */
const WINDOW_FROM = 200;
const ROW_PX = 34;

function apply<V>(u: Updater<V>, old: V): V {
  return typeof u === 'function' ? (u as (o: V) => V)(old) : u;
}

export default function TablePage() {
  const meta = useMeta();
  const manifest = useManifest();
  const state = useView();
  const t = useT();
  const lang = useLang();
  const byIndicator = state.tableMode === 'years';
  const one = useIndicatorRows(byIndicator ? state.indicator : null);
  const all = useAllRows(!byIndicator);
  const rows = byIndicator ? one.rows : all.rows;
  const model = useMemo(() => {
    if (!meta || !rows) return null;
    return byIndicator ? yearsTable(rows, meta, state.indicator, state.basis) : indicatorsTable(rows, meta, state.year);
  }, [meta, rows, byIndicator, state.indicator, state.basis, state.year]);
  const available = useMemo(() => new Set(Object.keys(manifest?.files.indicators ?? {})), [manifest]);
  const years = useMemo(() => [...new Set((all.rows ?? []).map((o) => o.year))].sort((a, b) => a - b), [all.rows]);
  const bases = useMemo(() => (meta && byIndicator && one.rows ? basesOf(one.rows, state.indicator, meta.bases.map((b) => b.id)) : []), [meta, byIndicator, one.rows, state.indicator]);
  if (!meta) return null;
  return (
    <section aria-labelledby="table-title">
      <div className="controls">
        <Segmented
          label={t('view.table')}
          value={state.tableMode}
          options={[
            { value: 'years', label: t('table.modeYears') },
            { value: 'indicators', label: t('table.modeIndicators') },
          ]}
          onChange={(tableMode) => setView({ tableMode, sort: '', hidden: [] })}
        />
        {byIndicator ? (
          <IndicatorPicker meta={meta} value={state.indicator} available={available} lang={lang} t={t} onChange={(indicator) => setView({ indicator, basis: null, sort: '', hidden: [] })} />
        ) : (
          <YearSelect value={state.year} years={years} allowLatest onChange={(year) => setView({ year })} t={t} />
        )}
        {byIndicator && model && bases.length > 1 ? (
          <BasisPicker bases={bases} value={model.columns[0]?.basis ?? ''} meta={meta} lang={lang} t={t} onChange={(basis) => setView({ basis, sort: '', hidden: [] })} />
        ) : null}
        <div className="picker">
          <label htmlFor="table-filter" className="picker__label">
            {t('table.filter')}
          </label>
          <input
            id="table-filter"
            type="search"
            className="picker__search"
            value={state.filter}
            placeholder={t('pick.districtSearch')}
            onChange={(e) => setView({ filter: e.target.value }, 'replace')}
          />
        </div>
      </div>
      <h2 id="table-title">
        {byIndicator ? indicatorName(meta.indicator.get(state.indicator), lang, state.indicator) : t('table.modeIndicators')}
        {byIndicator && model?.columns[0]?.basis ? <span className="muted"> · {basisName(model.columns[0].basis, meta.basis, lang)}</span> : null}
      </h2>
      {model ? <DataGrid model={model} meta={meta} state={state} lang={lang} t={t} /> : <p className="loading">{t('common.loading')}</p>}
    </section>
  );
}

function Cell({ p, meta, lang, t, column }: { p: Point | undefined; meta: Meta; lang: Lang; t: T; column: string }) {
  if (!p) return <span className="muted" aria-label={lang === 'zh' ? '无数据' : 'no data'}>—</span>;
  const ind = meta.indicator.get(p.obs.indicator)!;
  const value = formatValue(p.value, ind, lang);
  const marks = p.obs.flags.map((f) => flagName(f, lang).slice(0, lang === 'zh' ? 2 : 3));
  // The name starts with what the cell shows, so speech matches sight (WCAG 2.5.3).
  const label = `${value}${marks.join('')} — ${t('table.cellSource', { district: districtName(meta.district.get(p.district), lang, p.district), column, value })}`;
  const content = (
    <>
      {value}
      {p.obs.flags.map((f, i) => (
        <span key={f} className={`flag flag--${f} flag--mini`} title={flagName(f, lang)}>
          {marks[i]}
        </span>
      ))}
    </>
  );
  return p.obs.source ? (
    <ViewLink to={sourcePatch(p.obs.source, p.obs.id)} aria-label={label} title={label}>
      {content}
    </ViewLink>
  ) : (
    <span>{content}</span>
  );
}

function DataGrid({ model, meta, state, lang, t }: { model: TableModel; meta: Meta; state: ViewState; lang: Lang; t: T }) {
  const columns = useMemo(
    () =>
      helper.columns([
      helper.accessor((r) => districtName(meta.district.get(r.district), lang, r.district), {
        id: 'district',
        header: t('table.district'),
        cell: (info) => <ViewLink to={{ view: 'district', district: info.row.original.district }}>{info.getValue()}</ViewLink>,
        enableHiding: false,
      }),
      helper.accessor((r) => groupName(meta.group.get(meta.district.get(r.district)?.group ?? ''), lang, ''), {
        id: 'group',
        header: t('table.group'),
        cell: (info) => info.getValue(),
      }),
      ...model.columns.map((c) =>
        helper.accessor((r) => r.cells[c.id]?.value, {
          id: c.id,
          header: c.year !== undefined ? String(c.year) : `${indicatorName(c.indicator, lang)}${c.basis ? ` (${basisName(c.basis, meta.basis, lang)})` : ''}`,
          sortUndefined: 'last',
          sortFn: (a, b, id) => (a.getValue<number>(id) ?? 0) - (b.getValue<number>(id) ?? 0),
          cell: (info) => {
            const p = info.row.original.cells[c.id];
            const year = state.tableMode === 'indicators' && p && state.year === 'latest' ? t('table.latestOf', { year: p.year }) : '';
            return (
              <>
                <Cell p={p} meta={meta} lang={lang} t={t} column={c.year !== undefined ? String(c.year) : indicatorName(c.indicator, lang)} />
                {year ? <span className="muted">{year}</span> : null}
              </>
            );
          },
        }),
      ),
      ]),
    [model, meta, lang, t, state.tableMode, state.year],
  );
  const sorting = useMemo(() => parseSort(state.sort), [state.sort]);
  const columnVisibility = useMemo(() => Object.fromEntries(state.hidden.map((h) => [h, false])), [state.hidden]);
  const table = useTable({
    features,
    columns,
    data: model.rows,
    state: { sorting, columnVisibility, globalFilter: state.filter },
    onSortingChange: (u: Updater<SortingState>) => setView({ sort: formatSort(apply(u, sorting)) }),
    onColumnVisibilityChange: (u) => {
      const next = apply(u, columnVisibility) as Record<string, boolean>;
      setView({ hidden: Object.entries(next).filter(([, v]) => v === false).map(([k]) => k) });
    },
    onGlobalFilterChange: (u) => setView({ filter: String(apply(u, state.filter) ?? '') }, 'replace'),
    getColumnCanGlobalFilter: (column) => column.id === 'district',
    globalFilterFn: (row, _columnId, value) => {
      const d = meta.district.get((row.original as TableRow).district);
      return d ? districtMatches(d, String(value ?? '')) : false;
    },
  });
  const rows = table.getRowModel().rows;
  useEffect(() => {
    performance.mark('bvd:table'); // for the benchmarks: the grid has painted these rows
  });
  // Long tables render only the rows in view (plus a margin), between two spacer rows.
  const scroller = useRef<HTMLDivElement>(null);
  const [win, setWin] = useState({ top: 0, height: 800 });
  const windowed = rows.length > WINDOW_FROM;
  const first = windowed ? Math.max(0, Math.floor(win.top / ROW_PX) - 20) : 0;
  const last = windowed ? Math.min(rows.length, Math.ceil((win.top + win.height) / ROW_PX) + 20) : rows.length;
  const visibleCount = table.getVisibleLeafColumns().length;
  const title = state.tableMode === 'years'
    ? `${indicatorName(model.columns[0]?.indicator, lang, state.indicator)}${model.columns[0]?.basis ? ` (${basisName(model.columns[0].basis, meta.basis, lang)})` : ''}`
    : `${t('table.modeIndicators')} · ${state.year === 'latest' ? t('pick.latest') : state.year}`;
  // What the download holds is what the grid shows: these rows, in this order, these columns.
  const exportSpec = (): ExportSpec => {
    const headers = new Map(table.getAllLeafColumns().map((c) => [c.id, typeof c.columnDef.header === 'string' ? c.columnDef.header : c.id]));
    const { table: shown, observations } = shownTable(
      model,
      rows.map((r) => r.original as TableRow),
      table.getVisibleLeafColumns().map((c) => c.id),
      {
        header: (id) => headers.get(id) ?? id,
        district: (id) => districtName(meta.district.get(id), lang, id),
        group: (id) => groupName(meta.group.get(meta.district.get(id)?.group ?? ''), lang, ''),
        flags: (f) => f.map((x) => flagName(x, lang)).join(lang === 'zh' ? '、' : '; '),
        flagsHeader: (h) => t('table.flagsOf', { column: h }),
      },
    );
    const filter = state.filter ? t('table.filtered', { filter: state.filter }) : '';
    const sourceIds = [...new Set(observations.map((o) => o.source).filter(Boolean))].sort();
    return {
      fileStem: ['table', state.tableMode === 'years' ? `${state.indicator}-${model.columns[0]?.basis || 'total'}` : `indicators-${state.year}`].join('-'),
      text: {
        title,
        subtitle: [t('table.rows', { n: rows.length }), filter].filter(Boolean).join(' · '),
        description: `${title}: ${t('table.rows', { n: rows.length })}`,
        notes: [],
        sourceLine: sourceIds.map((id) => meta.source.get(id)?.title ?? id).join('; '),
        lang,
      },
      rows: observations,
      table: shown,
      meta,
    };
  };
  const sources = [...new Set(rows.flatMap((r) => Object.values((r.original as TableRow).cells).map((p) => p?.obs.source ?? '')))].filter(Boolean).map((id) => meta.source.get(id)!).filter(Boolean);
  return (
    <>
      <ShareBar what={title} sources={sources}>
        <ExportToggle spec={exportSpec} />
      </ShareBar>
      <details className="column-menu">
        <summary>{t('table.columns')}</summary>
        <div className="column-menu__list">
          {table
            .getAllLeafColumns()
            .filter((c) => c.getCanHide())
            .map((c) => (
              <label key={c.id}>
                <input type="checkbox" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} />{' '}
                {typeof c.columnDef.header === 'string' ? c.columnDef.header : c.id}
              </label>
            ))}
        </div>
      </details>
      <p className="muted" aria-live="polite">
        {t('table.rows', { n: rows.length })}
      </p>
      <div
        className={`table-scroll data-grid${windowed ? ' data-grid--windowed' : ''}`}
        data-testid="data-grid"
        ref={scroller}
        onScroll={
          windowed
            ? (e) => {
                const el = e.currentTarget;
                setWin({ top: el.scrollTop, height: el.clientHeight });
              }
            : undefined
        }
      >
        <table>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      className={h.column.id === 'district' ? 'sticky-col' : h.column.id === 'group' ? '' : 'num'}
                      aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
                    >
                      <button type="button" className="sort-button" onClick={h.column.getToggleSortingHandler()}>
                        <table.FlexRender header={h} />
                        <span aria-hidden="true">{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ' ↕'}</span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {first > 0 ? (
              <tr aria-hidden="true" style={{ height: first * ROW_PX }}>
                <td colSpan={visibleCount} />
              </tr>
            ) : null}
            {rows.slice(first, last).map((r) => (
              <tr key={r.id}>
                {r.getVisibleCells().map((c) =>
                  c.column.id === 'district' ? (
                    <th key={c.id} scope="row" className="sticky-col">
                      <table.FlexRender cell={c} />
                    </th>
                  ) : (
                    <td key={c.id} className={c.column.id === 'group' ? '' : 'num'}>
                      <table.FlexRender cell={c} />
                    </td>
                  ),
                )}
              </tr>
            ))}
            {last < rows.length ? (
              <tr aria-hidden="true" style={{ height: (rows.length - last) * ROW_PX }}>
                <td colSpan={visibleCount} />
              </tr>
            ) : null}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="chart-frame__empty">{t('table.noRows')}</p> : null}
      </div>
    </>
  );
}

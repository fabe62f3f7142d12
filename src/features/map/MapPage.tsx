// The 16 districts as a schematic tile map, coloured by one indicator and year.
import { useMemo } from 'react';
import { IndicatorPicker, Segmented, YearSelect } from '../../components/pickers.tsx';
import { ViewLink } from '../../components/ViewLink.tsx';
import { navigate, viewHref } from '../../components/links.ts';
import { useIndicatorRows, useManifest, useMeta } from '../../dataset/store.ts';
import { basesOf } from '../../domain/select.ts';
import { formatValue } from '../../domain/format.ts';
import { basisName, districtName, flagName, indicatorName } from '../../i18n/i18n.ts';
import { useLang, useT } from '../../i18n/use-t.ts';
import { setView, useView } from '../../state/store.ts';
import { DOUBT_TILE, MAP_CLASSES, mapModel } from './map-model.ts';
import { ShareBar } from '../../components/ShareBar.tsx';
import { ExportToggle } from '../../components/ExportToggle.tsx';
import { observationsSpec } from '../../components/view-export.ts';

const TILE = 96;
const GAP = 6;

export default function MapPage() {
  const meta = useMeta();
  const manifest = useManifest();
  const state = useView();
  const t = useT();
  const lang = useLang();
  const { rows } = useIndicatorRows(state.indicator);
  const model = useMemo(() => (meta && rows ? mapModel(rows, meta, state.indicator, state.basis, state.year) : null), [meta, rows, state.indicator, state.basis, state.year]);
  const available = useMemo(() => new Set(Object.keys(manifest?.files.indicators ?? {})), [manifest]);
  if (!meta) return null;
  const ind = meta.indicator.get(state.indicator);
  if (!ind) return <p role="alert">{t('notice.unknownIndicator', { id: state.indicator })}</p>;
  const bases = rows ? basesOf(rows, ind.id, meta.bases.map((b) => b.id)) : [];
  const fmt = (v: number) => formatValue(v, ind, lang);
  const yearLabel = model?.year ?? t('pick.latest');
  return (
    <section aria-labelledby="map-title">
      <div className="controls">
        <IndicatorPicker meta={meta} value={state.indicator} available={available} lang={lang} t={t} onChange={(indicator) => setView({ indicator, basis: null, year: 'latest' })} />
        {model && bases.length > 1 ? (
          <Segmented
            label={t('pick.basis')}
            value={model.basis}
            options={bases.map((b) => ({ value: b.basis, label: basisName(b.basis, meta.basis, lang) }))}
            onChange={(basis) => setView({ basis })}
          />
        ) : null}
        <YearSelect value={state.year} years={model?.years ?? []} allowLatest onChange={(year) => setView({ year })} t={t} />
      </div>
      <h2 id="map-title">
        {t('map.title', { indicator: indicatorName(ind, lang), year: yearLabel })}
        {model && (bases.length > 1 || model.basis) ? <span className="muted"> · {basisName(model.basis, meta.basis, lang)}</span> : null}
      </h2>
      {!model ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <div className="tile-map-wrap">
          <svg
            className="tile-map"
            viewBox={`0 0 ${model.cols * (TILE + GAP)} ${model.rows * (TILE + GAP)}`}
            role="group"
            aria-label={t('map.title', { indicator: indicatorName(ind, lang), year: yearLabel })}
          >
            <defs>
              <pattern id="no-report" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="8" height="8" fill="#f4f4f4" />
                <line x1="0" y1="0" x2="0" y2="8" stroke="#cfcfcf" strokeWidth="3" />
              </pattern>
              <pattern id="basis-doubtful" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
                <rect width="6" height="6" fill="#e6e6e6" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" strokeWidth="1.5" />
              </pattern>
            </defs>
            {model.tiles.map((tile) => {
              const d = meta.district.get(tile.district)!;
              const x = tile.col * (TILE + GAP);
              const y = tile.row * (TILE + GAP);
              const dark = tile.state === 'value' && MAP_CLASSES.indexOf(tile.colour) >= 3;
              const status =
                tile.state === 'value'
                  ? `${fmt(tile.value!)}${tile.standIn || model.year === null ? ` (${tile.year})` : ''}`
                  : tile.state === 'no-report'
                    ? t('map.noReport')
                    : t('map.noValue');
              const flags = tile.point?.obs.flags.filter((f) => f !== 'derived') ?? [];
              const shownValue = tile.state === 'value' ? fmt(tile.value!) : tile.state === 'no-report' ? t('map.noReport') : t('map.noValue');
              const shownYear = tile.state === 'value' && (tile.standIn || model.year === null) ? `${tile.year}${flags.length ? ' *' : ''}` : flags.length ? '*' : '';
              // The name starts with the tile's own words (WCAG 2.5.3), then the details.
              const label = `${[districtName(d, lang), shownValue, shownYear].filter(Boolean).join(' ')} — ${districtName(d, lang)}: ${status}${flags.length ? ` — ${flags.map((f) => flagName(f, lang)).join(', ')}` : ''}`;
              return (
                <a key={tile.district} href={viewHref({ view: 'district', district: tile.district })} aria-label={label} onClick={(e) => navigate(e, { view: 'district', district: tile.district })}>
                  <rect
                    x={x}
                    y={y}
                    width={TILE}
                    height={TILE}
                    rx={6}
                    fill={tile.state === 'no-report' ? 'url(#no-report)' : tile.colour}
                    stroke={tile.point?.obs.flags.includes('implausible') ? '#b3261e' : tile.state === 'value' ? '#ffffff' : '#bdbdbd'}
                    strokeWidth={tile.point?.obs.flags.includes('implausible') ? 3 : 1}
                    strokeDasharray={tile.point?.obs.flags.some((f) => f === 'implausible' || f === 'derived') ? '6 4' : undefined}
                  />
                  <text x={x + TILE / 2} y={y + 30} textAnchor="middle" className="tile-map__name" fill={dark ? '#fff' : '#1f1f1f'}>
                    {/* The trailing space keeps the words apart for screen readers (SVG drops it when drawing). */}
                    {`${districtName(d, lang)} `}
                  </text>
                  <text x={x + TILE / 2} y={y + 56} textAnchor="middle" className="tile-map__value" fill={dark ? '#fff' : '#1f1f1f'}>
                    {`${shownValue} `}
                  </text>
                  {tile.state === 'value' && (tile.standIn || model.year === null) ? (
                    <text x={x + TILE / 2} y={y + 78} textAnchor="middle" className="tile-map__year" fill={dark ? '#fff' : '#444'}>
                      {tile.year}
                      {flags.length ? ' *' : ''}
                    </text>
                  ) : flags.length ? (
                    <text x={x + TILE / 2} y={y + 78} textAnchor="middle" className="tile-map__year" fill={dark ? '#fff' : '#444'}>
                      *
                    </text>
                  ) : null}
                </a>
              );
            })}
          </svg>
          <div className="tile-map__legend" aria-label={t('map.legend')}>
            {model.breaks.length > 1
              ? MAP_CLASSES.map((c, i) =>
                  model.breaks[i + 1] === undefined ? null : (
                    <span key={c} className="legend-item">
                      <span className="legend-swatch" style={{ background: c }} /> {fmt(model.breaks[i]!)} – {fmt(model.breaks[i + 1]!)}
                    </span>
                  ),
                )
              : null}
            <span className="legend-item">
              <span className="legend-swatch legend-swatch--none" /> {t('map.noReport')}
            </span>
            <span className="legend-item">
              <span className="legend-swatch" style={{ background: '#f4f4f4', border: '1px solid #bdbdbd' }} /> {t('map.noValue')}
            </span>
            {model.tiles.some((x) => x.colour === DOUBT_TILE) ? (
              <span className="legend-item">
                <span className="legend-swatch legend-swatch--doubt" /> {t('chart.unrankedOf')}
              </span>
            ) : null}
            <span className="legend-item">* {lang === 'zh' ? '含标注（见提示）' : 'flagged (see the tooltip)'}</span>
          </div>
          <ShareBar
            what={t('map.title', { indicator: indicatorName(ind, lang), year: yearLabel })}
            sources={[...new Set(model.tiles.map((x) => x.point?.obs.source ?? '').filter(Boolean))].map((id) => meta.source.get(id)!).filter(Boolean)}
          >
            <ExportToggle
              spec={() =>
                observationsSpec({
                  fileStem: `map-${state.indicator}-${model.basis || 'total'}-${state.year}`,
                  title: t('map.title', { indicator: indicatorName(ind, lang), year: yearLabel }),
                  obs: model.tiles.flatMap((x) => (x.point ? [x.point.obs] : [])),
                  meta,
                  lang,
                  t,
                })
              }
            />
          </ShareBar>
          <p>
            <ViewLink to={{ view: 'compare' }}>{t('view.compare')} →</ViewLink>
          </p>
        </div>
      )}
    </section>
  );
}

// What exists: indicators × districts, each cell the years with data.
import { categoriesOf } from '../../dataset/meta.ts';
import { useMemo, useState } from 'react';
import { districtMatches } from '../../domain/search.ts';
import { ViewLink } from '../../components/ViewLink.tsx';
import { useImported } from '../../dataset/imported.ts';
import { useCoverage, useMeta } from '../../dataset/store.ts';
import { categoryName, districtName, indicatorName } from '../../i18n/i18n.ts';
import { useLang, useT } from '../../i18n/use-t.ts';
import { compactYears, coverageMatrix } from './coverage-model.ts';
import { ShareBar } from '../../components/ShareBar.tsx';
import { ExportToggle } from '../../components/ExportToggle.tsx';
import type { ExportSpec } from '../../components/export/ExportPanel.tsx';

export default function CoveragePage() {
  const meta = useMeta();
  const t = useT();
  const lang = useLang();
  const { coverage, error } = useCoverage();
  const imported = useImported((s) => s.observations);
  const matrix = useMemo(() => (coverage ? coverageMatrix(coverage, imported) : null), [coverage, imported]);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  if (!meta) return null;
  if (error) return <p role="alert">{t('app.loadError', { error })}</p>;
  if (!matrix) return <p className="loading">{t('common.loading')}</p>;
  const cats = categoriesOf(meta);
  const districtCount = (d: string) => meta.indicators.filter((i) => matrix.get(i.id)?.get(d)).length;
  // Columns are districts: beyond a few dozen they are filtered and paged.
  const PAGE = 40;
  const many = meta.districts.length > 60;
  const matching = meta.districts.filter((d) => districtMatches(d, query));
  const pages = Math.max(1, Math.ceil(matching.length / PAGE));
  const columns = many ? matching.slice(Math.min(page, pages - 1) * PAGE, (Math.min(page, pages - 1) + 1) * PAGE) : meta.districts;
  return (
    <section aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('coverage.title')}</h2>
      <p>{t('coverage.intro')}</p>
      <ShareBar what={t('coverage.title')} sources={meta.sources}>
        <ExportToggle
          spec={(): ExportSpec => ({
            // The matrix as shown: indicators down, the districts shown across, each cell its years.
            fileStem: 'coverage',
            text: { title: t('coverage.title'), subtitle: t('coverage.intro'), description: t('coverage.title'), notes: [], sourceLine: '', lang },
            rows: [],
            table: {
              columns: [t('pick.indicator'), ...columns.map((d) => districtName(d, lang))],
              rows: cats.flatMap((c) =>
                meta.indicators
                  .filter((i) => i.category === c)
                  .map((i) => [indicatorName(i, lang), ...columns.map((d) => {
                    const cell = matrix.get(i.id)?.get(d.id);
                    return cell ? `${cell.years.join(' ')}${cell.flagged ? ' *' : ''}` : null;
                  })]),
              ),
            },
            meta,
          })}
        />
      </ShareBar>
      {many ? (
        <div className="controls">
          <label className="picker">
            <span className="picker__label">{t('table.filter')}</span>
            <input type="search" className="picker__search" value={query} onChange={(e) => { setQuery(e.target.value); setPage(0); }} />
          </label>
          <span>
            <button type="button" className="button button--small" disabled={page === 0} onClick={() => setPage(page - 1)}>←</button>{' '}
            {t('coverage.page', { page: Math.min(page, pages - 1) + 1, pages, n: matching.length })}{' '}
            <button type="button" className="button button--small" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>→</button>
          </span>
        </div>
      ) : null}
      <div className="table-scroll coverage">
        <table>
          <thead>
            <tr>
              <th scope="col" className="sticky-col">
                {t('pick.indicator')}
              </th>
              {columns.map((d) => (
                <th scope="col" key={d.id} className="coverage__district">
                  <ViewLink to={{ view: 'district', district: d.id }}>{districtName(d, lang)}</ViewLink>
                </th>
              ))}
            </tr>
          </thead>
          {cats.map((c) => {
            const items = meta.indicators.filter((i) => i.category === c);
            if (items.length === 0) return null;
            return (
              <tbody key={c}>
                <tr className="coverage__category">
                  <th scope="colgroup" colSpan={columns.length + 1} className="sticky-col">
                    {categoryName(c, lang)}
                  </th>
                </tr>
                {items.map((i) => {
                  const row = matrix.get(i.id);
                  return (
                    <tr key={i.id}>
                      <th scope="row" className="sticky-col">
                        <ViewLink to={{ view: 'compare', indicator: i.id, basis: null, districts: null }}>{indicatorName(i, lang)}</ViewLink>
                      </th>
                      {columns.map((d) => {
                        const cell = row?.get(d.id);
                        if (!cell) {
                          return (
                            <td key={d.id} className="coverage__empty">
                              <span className="visually-hidden">{t('coverage.empty', { district: districtName(d, lang), indicator: indicatorName(i, lang) })}</span>
                            </td>
                          );
                        }
                        const label = t('coverage.cell', { district: districtName(d, lang), indicator: indicatorName(i, lang), years: cell.years.join(', ') });
                        return (
                          <td key={d.id} className={`coverage__cell coverage__cell--${Math.min(cell.years.length, 3)}${cell.flagged ? ' is-flagged' : ''}`}>
                            <ViewLink
                              to={{ view: 'compare', indicator: i.id, basis: null, districts: null, chart: cell.years.length > 1 ? 'line' : 'bar' }}
                              aria-label={`${compactYears(cell.years)}${cell.flagged ? '*' : ''} — ${label}${cell.flagged ? ` (${t('coverage.flagged')})` : ''}`}
                              title={label}
                            >
                              {compactYears(cell.years)}
                              {cell.flagged ? '*' : ''}
                            </ViewLink>
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
          <tfoot>
            <tr>
              <th scope="row" className="sticky-col">
                {t('coverage.total')}
              </th>
              {columns.map((d) => (
                <td key={d.id} className="num">
                  {districtCount(d.id) || '—'}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted">* {t('coverage.flagged')}</p>
    </section>
  );
}

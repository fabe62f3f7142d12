// What exists: indicators × districts, each cell the years with data.
import { useMemo } from 'react';
import { ViewLink } from '../../components/ViewLink.tsx';
import { useImported } from '../../dataset/imported.ts';
import { useCoverage, useMeta } from '../../dataset/store.ts';
import { CATEGORIES } from '../../domain/vocab.ts';
import { categoryName, districtName, indicatorName } from '../../i18n/i18n.ts';
import { useLang, useT } from '../../i18n/use-t.ts';
import { compactYears, coverageMatrix } from './coverage-model.ts';

export default function CoveragePage() {
  const meta = useMeta();
  const t = useT();
  const lang = useLang();
  const { coverage, error } = useCoverage();
  const imported = useImported((s) => s.observations);
  const matrix = useMemo(() => (coverage ? coverageMatrix(coverage, imported) : null), [coverage, imported]);
  if (!meta) return null;
  if (error) return <p role="alert">{t('app.loadError', { error })}</p>;
  if (!matrix) return <p className="loading">{t('common.loading')}</p>;
  const cats = [...CATEGORIES, ...new Set(meta.indicators.map((i) => i.category))].filter((c, i, a) => a.indexOf(c) === i);
  const districtCount = (d: string) => meta.indicators.filter((i) => matrix.get(i.id)?.get(d)).length;
  return (
    <section aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('coverage.title')}</h2>
      <p>{t('coverage.intro')}</p>
      <div className="table-scroll coverage">
        <table>
          <thead>
            <tr>
              <th scope="col" className="sticky-col">
                {t('pick.indicator')}
              </th>
              {meta.districts.map((d) => (
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
                  <th scope="colgroup" colSpan={meta.districts.length + 1} className="sticky-col">
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
                      {meta.districts.map((d) => {
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
                              aria-label={label + (cell.flagged ? ` (${t('coverage.flagged')})` : '')}
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
              {meta.districts.map((d) => (
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

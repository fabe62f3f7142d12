// Download specs for views without a chart: what each view shows, as a table
// (with flags beside values) plus the observations behind it. Pure.
import type { ExportSpec } from './export/ExportPanel.tsx';
import type { Meta } from '../dataset/meta.ts';
import type { DataObservation } from '../domain/obs-file.ts';
import type { ShownTable } from '../domain/public-csv.ts';
import { basisName, districtName, flagName, indicatorName, scopeName, sourceTitle, type Lang, type T } from '../i18n/i18n.ts';
import { unitLabel } from '../domain/format.ts';

/** Column names only downloads use: kept here, in the lazy views' chunks, not in the first download. */
export const EXPORT_COLUMNS = {
  zh: { scope: '范围', locator: '位置', kind: '类别', id: '编号', nameZh: '中文名称', nameEn: '英文名称', defZh: '中文定义', defEn: '英文定义' },
  en: { scope: 'Scope', locator: 'Locator', kind: 'Kind', id: 'Id', nameZh: 'Chinese name', nameEn: 'English name', defZh: 'Chinese definition', defEn: 'English definition' },
};

/** Observations as a readable table, in the order given: one row each, flags and source beside the value. */
export function observationTable(obs: DataObservation[], meta: Meta, lang: Lang, t: T): ShownTable {
  return {
    columns: [t('table.district'), t('pick.indicator'), t('pick.basis'), EXPORT_COLUMNS[lang].scope, t('chart.year'), t('chart.value'), t('method.col.unit'), t('chart.flags'), t('chart.source'), EXPORT_COLUMNS[lang].locator],
    rows: obs.map((o) => {
      const ind = meta.indicator.get(o.indicator);
      return [
        districtName(meta.district.get(o.district), lang, o.district),
        indicatorName(ind, lang, o.indicator),
        basisName(o.basis, meta.basis, lang),
        o.scope ? scopeName(o.scope, lang) : '',
        o.year,
        o.value,
        ind ? unitLabel(ind.unit, lang) : '',
        o.flags.map((f) => flagName(f, lang)).join(lang === 'zh' ? '、' : '; ') || null,
        o.source ? sourceTitle(meta.source.get(o.source), lang, o.source) : t('sources.userData'),
        o.locator || null,
      ];
    }),
  };
}

/** A spec for a view that shows observations but no chart. */
export function observationsSpec(p: { fileStem: string; title: string; subtitle?: string; obs: DataObservation[]; table?: ShownTable; meta: Meta; lang: Lang; t: T }): ExportSpec {
  const sources = [...new Set(p.obs.map((o) => o.source).filter(Boolean))].sort();
  return {
    fileStem: p.fileStem,
    text: {
      title: p.title,
      subtitle: p.subtitle ?? '',
      description: p.title,
      notes: [],
      sourceLine: sources.map((id) => sourceTitle(p.meta.source.get(id), p.lang, id)).join(p.lang === 'zh' ? '；' : '; '),
      lang: p.lang,
    },
    rows: p.obs,
    table: p.table ?? observationTable(p.obs, p.meta, p.lang, p.t),
    meta: p.meta,
  };
}

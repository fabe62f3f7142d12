// The tidy CSV of observations people download (and can import back).
import Papa from 'papaparse';
import type { ReferenceData } from './types.ts';
import { PUBLIC_CSV_COLUMNS } from './schema.ts';
import type { DataObservation } from './obs-file.ts';

export function toPublicCsv(observations: DataObservation[], ds: { refs: Pick<ReferenceData, 'districts' | 'indicators' | 'sources'> }): string {
  const rows = observations.map((o) => {
    const d = ds.refs.districts.get(o.district);
    const i = ds.refs.indicators.get(o.indicator);
    const s = ds.refs.sources.get(o.source);
    return [
      o.id, o.district, d?.nameZh ?? '', d?.nameEn ?? '', o.year, o.period, o.indicator, i?.nameZh ?? '',
      i?.nameEn ?? '', o.value, i?.unit ?? '', o.basis, o.scope, o.source, s?.title ?? '', o.locator, o.quote,
      o.flags.join(';'), o.formula, o.inputs.join(';'), o.noteZh, o.noteEn,
    ];
  });
  // BOM so that Excel opens the Chinese text as UTF-8; CRLF as RFC 4180 asks.
  return '\uFEFF' + Papa.unparse({ fields: [...PUBLIC_CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false }) + '\r\n';
}


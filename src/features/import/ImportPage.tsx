// Bring your own data: a CSV in the observations format (or districts /
// indicators tables), judged row by row, merged into every view, kept in this
// browser until removed.
import Papa from 'papaparse';
import { lazy, Suspense, useMemo, useState } from 'react';
import { addImport, removeImport } from '../../dataset/imported-db.ts';
import { useImported } from '../../dataset/imported.ts';
import { loadDistrict } from '../../dataset/load.ts';
import { useIndex, useManifest, useMeta } from '../../dataset/store.ts';
import { ImportDownloads } from './ImportDownloads.tsx';
import { referenceData } from '../../dataset/meta.ts';
import { FORMULA_START } from '../../domain/public-csv.ts';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, minimalDistrict, minimalIndicator, rejectedCsvRows, type ImportResult } from '../../domain/import.ts';
import type { ReferenceData } from '../../domain/types.ts';
import { UNITS, UNIT_LABELS, type UnitId } from '../../domain/vocab.ts';
import { useLang, useT } from '../../i18n/use-t.ts';
import type { Lang, T } from '../../i18n/i18n.ts';
import { fieldLabel, issueText, rejectionReason, rejectionText } from '../../i18n/issue-messages.ts';
import { runImport, type BundledData } from './run-import.ts';

const ReportExtraction = lazy(() => import('./ReportExtraction.tsx'));
type ReportInput = { name: string; bytes: Uint8Array } | { name: string; text: string };

const TEMPLATE = [
  'district,year,period,indicator,value,basis,scope,source,locator,quote,flags,note_zh,note_en',
  'haidian,2022,,intake,1200,,,,,,,示例：用户自己的数据,Example: your own figure',
  // Citing a bundled report: a passage that restates a bundled figure (the same row would be refused as already there).
  'changping,2022,,enrolment,3150,,,changping-2023,1.1.1,2022年昌平区中等职业学校在校生人数3150人,,,',
].join('\r\n');

function download(name: string, text: string, type = 'text/csv;charset=utf-8') {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob(['\uFEFF' + text], { type }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function fileErrorText(result: ImportResult, t: T, lang: Lang): string {
  const code = result.fileError!;
  const [kind, arg] = code.split(/:(.*)/s);
  switch (kind) {
    case 'empty':
      return t('import.err.empty');
    case 'too-large':
      return t('import.err.tooLarge', { mb: Math.round(Number(arg) / 1024 / 1024) });
    case 'too-many-rows':
      return t('import.err.tooManyRows', { n: Number(arg).toLocaleString() });
    case 'not-csv':
      return t('import.err.notCsv');
    case 'not-utf8':
      return t('import.err.notUtf8', { line: arg ?? '?' });
    case 'no-rows':
      return t('import.err.noRows');
    case 'not-observations':
      return t('import.err.notObservations');
    case 'header': {
      const detail = result.fileIssues.length > 0 ? result.fileIssues.map((i) => issueText(i, lang)).join(lang === 'zh' ? '；' : '; ') : (arg ?? '');
      return t('import.err.header', { detail });
    }
    default:
      return code;
  }
}

interface Pending {
  file: File;
  result: ImportResult;
}

export default function ImportPage() {
  const meta = useMeta();
  const manifest = useManifest();
  const index = useIndex();
  const t = useT();
  const lang = useLang();
  const files = useImported((s) => s.files);
  const [busy, setBusy] = useState<{ name: string; rows: number } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [extraDistricts, setExtraDistricts] = useState<string[]>([]);
  const [extraIndicators, setExtraIndicators] = useState<Record<string, UnitId>>({});
  const [report, setReport] = useState<ReportInput | null>(null);
  const [pasted, setPasted] = useState('');
  const bundled = useMemo((): BundledData => {
    const urls = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([id, p]) => [id, new URL(`data/${p}`, document.baseURI).toString()]));
    return {
      sourceUrls: urls(index?.sources ?? {}),
      districtUrls: urls(index?.districts ?? {}),
      loadDistricts: async (ids) => (manifest ? (await Promise.all(ids.map((d) => loadDistrict(manifest, d)))).flat() : []),
    };
  }, [index, manifest]);
  if (!meta) return null;

  const refsWithExtras = (): ReferenceData => {
    const refs = referenceData(meta);
    return {
      ...refs,
      districts: new Map([...refs.districts, ...extraDistricts.map((d) => [d, minimalDistrict(d)] as const)]),
      indicators: new Map([...refs.indicators, ...Object.entries(extraIndicators).map(([i, u]) => [i, minimalIndicator(i, u)] as const)]),
    };
  };

  const judge = async (file: File, refs = refsWithExtras()) => {
    setError(null);
    setSaved(null);
    setBusy({ name: file.name, rows: 0 });
    try {
      const result = await runImport(file, refs, bundled, (rows) => setBusy({ name: file.name, rows }));
      setPending({ file, result });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const onFiles = (list: FileList | null) => {
    const f = list?.[0];
    if (!f) return;
    if (/\.(txt|md)$/i.test(f.name) && !/\.csv$/i.test(f.name)) {
      setError(null);
      setPending(null);
      void f.arrayBuffer().then((buf) => setReport({ name: f.name, bytes: new Uint8Array(buf) }));
      return;
    }
    setReport(null);
    void judge(f);
  };

  const accept = async () => {
    if (!pending) return;
    const r = pending.result;
    const id = `${pending.file.name}|${pending.file.size}|${pending.file.lastModified}`;
    const ok = await addImport({
      id,
      name: pending.file.name,
      importedAt: new Date().toISOString(),
      observations: r.accepted,
      districts: [...r.districts, ...extraDistricts.filter((d) => r.accepted.some((o) => o.district === d)).map(minimalDistrict)],
      indicators: [...r.indicators, ...Object.entries(extraIndicators).filter(([i]) => r.accepted.some((o) => o.indicator === i)).map(([i, u]) => minimalIndicator(i, u))],
    });
    setSaved(ok ? t('import.saved', { n: r.accepted.length + r.districts.length + r.indicators.length }) : t('import.savedSession'));
    setPending(null);
  };

  const r = pending?.result;
  return (
    <section aria-labelledby="import-title" className="import">
      <h2 id="import-title">{t('import.title')}</h2>
      <ImportDownloads />
      <p>{t('import.intro', { mb: IMPORT_MAX_BYTES / 1024 / 1024, rows: IMPORT_MAX_ROWS.toLocaleString() })}</p>
      <p>
        <button type="button" className="button" onClick={() => download('observations-template.csv', TEMPLATE)} data-testid="template">
          {t('import.template')}
        </button>
      </p>
      <label
        className="dropzone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          onFiles(e.dataTransfer.files);
        }}
      >
        <span>{t('import.drop')}</span>
        <input type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => onFiles(e.target.files)} data-testid="import-file" />
      </label>
      <div className="import__paste">
        <label htmlFor="import-paste">{t('import.pasteLabel')}</label>
        <textarea id="import-paste" rows={3} value={pasted} onChange={(e) => setPasted(e.target.value)} data-testid="import-paste" />
        <button
          type="button"
          className="button button--small"
          disabled={pasted.trim() === ''}
          onClick={() => {
            setError(null);
            setPending(null);
            setReport({ name: 'pasted-report.txt', text: pasted });
          }}
          data-testid="import-paste-read"
        >
          {t('import.pasteRead')}
        </button>
      </div>
      {busy ? (
        <p role="status" aria-live="polite">
          {t('import.reading', { name: busy.name, rows: busy.rows.toLocaleString() })}
        </p>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {saved ? (
        <p role="status" className="import__saved" data-testid="import-saved">
          {saved}
        </p>
      ) : null}

      {r && pending ? (
        <div className="import-result" data-testid="import-result">
          <h3>{pending.file.name}</h3>
          {r.fileError ? (
            <p role="alert" data-testid="import-file-error">
              {fileErrorText(r, t, lang)}
            </p>
          ) : (
            <>
              <p data-testid="import-summary">
                {t('import.summary', { accepted: r.accepted.length + r.districts.length + r.indicators.length, rejected: r.rejected.length, rows: r.rows })}
              </p>
              {r.unknownDistricts.length + r.unknownIndicators.length > 0 ? (
                <UnknownIds
                  districts={r.unknownDistricts}
                  indicators={r.unknownIndicators}
                  t={t}
                  lang={lang}
                  onAdd={(ds, is) => {
                    setExtraDistricts((x) => [...new Set([...x, ...ds])]);
                    setExtraIndicators((x) => ({ ...x, ...is }));
                    const refs = refsWithExtras();
                    for (const d of ds) refs.districts.set(d, minimalDistrict(d));
                    for (const [i, u] of Object.entries(is)) refs.indicators.set(i, minimalIndicator(i, u));
                    void judge(pending.file, refs);
                  }}
                />
              ) : null}
              {r.rejected.length > 0 ? (
                <>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => {
                      // The reason column in the language the page is read in.
                      const { fields, data } = rejectedCsvRows(r, (x) => rejectionReason(x, lang));
                      download(`${pending.file.name.replace(/\.[^.]+$/, '')}-rejected.csv`, Papa.unparse({ fields, data }, { newline: '\r\n', escapeFormulae: FORMULA_START }));
                    }}
                    data-testid="download-rejected"
                  >
                    {t('import.downloadRejected')}
                  </button>
                  <div className="table-scroll import-rejections">
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">{t('import.line')}</th>
                          <th scope="col">{t('import.field')}</th>
                          <th scope="col">{t('import.reason')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {r.rejected.slice(0, 300).map((x, i) => (
                          <tr key={`${x.line}-${i}`}>
                            <td className="num">{x.line}</td>
                            <td>{fieldLabel(x.field, lang)}</td>
                            <td>{rejectionText(x, lang)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  {r.rejected.length > 300 ? <p className="muted">{t('import.more', { n: r.rejected.length - 300 })}</p> : null}
                </>
              ) : null}
              <p>
                <button type="button" className="button" disabled={r.accepted.length + r.districts.length + r.indicators.length === 0} onClick={accept} data-testid="import-accept">
                  {t('import.accept', { n: r.accepted.length + r.districts.length + r.indicators.length })}
                </button>{' '}
                <button type="button" className="button" onClick={() => setPending(null)}>
                  {t('import.cancel')}
                </button>
              </p>
            </>
          )}
        </div>
      ) : null}

      {report ? (
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <ReportExtraction key={`${report.name}|${'text' in report ? report.text.length : report.bytes.length}`} input={report} meta={meta} onDone={(msg) => setSaved(msg)} />
        </Suspense>
      ) : null}

      <h3>{t('import.files')}</h3>
      {files.length === 0 ? (
        <p className="muted">{t('import.none')}</p>
      ) : (
        <ul className="import-files" data-testid="import-files">
          {files.map((f) => (
            <li key={f.id}>
              <span className="flag flag--imported">{t('import.badge')}</span> <strong>{f.name}</strong> · {t('import.rows', { n: f.rows })} ·{' '}
              {new Date(f.importedAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}{' '}
              <button type="button" className="button button--small" onClick={() => removeImport(f.id)} data-testid="import-remove">
                {t('import.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{t('import.privacy')}</p>
    </section>
  );
}

function UnknownIds(props: { districts: string[]; indicators: string[]; t: T; lang: 'zh' | 'en'; onAdd: (d: string[], i: Record<string, UnitId>) => void }) {
  const { t, lang } = props;
  const [units, setUnits] = useState<Record<string, UnitId>>(Object.fromEntries(props.indicators.map((i) => [i, 'persons' as UnitId])));
  return (
    <div className="import-unknown" data-testid="import-unknown">
      <p>{t('import.unknownIntro')}</p>
      {props.districts.length > 0 ? <p>{t('import.unknownDistricts', { list: props.districts.join(', ') })}</p> : null}
      {props.indicators.map((i) => (
        <label key={i} className="import-unknown__unit">
          {t('import.unknownIndicator', { id: i })}{' '}
          <select value={units[i]} onChange={(e) => setUnits({ ...units, [i]: e.target.value as UnitId })}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {UNIT_LABELS[u][lang]}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="button" className="button button--small" onClick={() => props.onAdd(props.districts, units)} data-testid="import-add-unknown">
        {t('import.addUnknown')}
      </button>
    </div>
  );
}

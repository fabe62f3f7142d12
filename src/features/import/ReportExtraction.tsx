// A report's text dropped on the import page: candidate values with their
// quotes, ticked by the reader, judged like any imported row, then added to
// the imported data.
import { useEffect, useMemo, useState } from 'react';
import { addImport } from '../../dataset/imported-db.ts';
import { referenceData, type Meta } from '../../dataset/meta.ts';
import { decodeUtf8 } from '../../domain/csv.ts';
import { extractCandidates, type Candidate, type Extraction } from '../../domain/extract/extract.ts';
import { loadLexicon } from '../../domain/extract/lexicon.ts';
import lexiconCsv from '../../../data/lexicon.csv?raw';
import { stableId } from '../../domain/hash.ts';
import type { DataObservation } from '../../domain/obs-file.ts';
import { indexSource } from '../../domain/quotes.ts';
import { readObservation } from '../../domain/validate.ts';
import { basisName, districtName, indicatorName } from '../../i18n/i18n.ts';
import { useLang, useT } from '../../i18n/use-t.ts';

export default function ReportExtraction({ file, meta, onDone }: { file: File; meta: Meta; onDone: (message: string) => void }) {
  const t = useT();
  const lang = useLang();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [district, setDistrict] = useState('');
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    file.arrayBuffer().then((buf) => {
      const d = decodeUtf8(new Uint8Array(buf), file.name);
      if (!d.ok) setError(t('import.err.notUtf8', { line: d.issue.line }));
      else setText(d.text);
    });
  }, [file, t]);

  const lexicon = useMemo(() => loadLexicon(lexiconCsv, { indicators: meta.indicators, bases: meta.bases, districts: meta.districts }).lexicon, [meta]);
  const extraction: Extraction | null = useMemo(
    () => (text === null || !lexicon ? null : extractCandidates(text, lexicon, { fileName: file.name })),
    [text, file.name, lexicon],
  );
  useEffect(() => {
    if (!extraction) return;
    setDistrict(extraction.district);
    setPicked(new Set(extraction.candidates.map((c, i) => (c.confidence >= 0.7 ? i : -1)).filter((i) => i >= 0)));
  }, [extraction]);

  if (error) return <p role="alert">{error}</p>;
  if (!extraction || text === null) return <p className="loading">{t('common.loading')}</p>;
  const cands = extraction.candidates;

  const add = async () => {
    const index = indexSource(text);
    const label = `${file.name}`;
    const accepted: DataObservation[] = [];
    const refused: string[] = [];
    for (const i of [...picked].sort((a, b) => a - b)) {
      const c: Candidate = cands[i]!;
      const known = meta.source.has(c.source) ? c.source : '';
      const cells: Record<string, string> = {
        district: district || c.district,
        year: String(c.year),
        period: c.period,
        indicator: c.indicator,
        value: c.value,
        basis: c.basis,
        scope: c.scope,
        source: known || label,
        locator: c.locator,
        quote: c.quote,
        flags: c.flags.join(';'),
        note_zh: c.noteZh,
        note_en: c.noteEn,
      };
      // Quotes are checked against the dropped text: they must be its own words.
      const { obs, issues } = readObservation(cells, { file: label, line: c.line }, referenceData(meta), { mode: 'import', sourceIndex: () => index });
      if (obs) accepted.push({ ...obs, id: `x${stableId(`${label}|${i}|${c.indicator}|${c.year}|${c.value}`)}`, n: null });
      else refused.push(`${t('import.line')} ${c.line}: ${issues.map((x) => `${x.field}: ${x.message}`).join('; ')}`);
    }
    setProblems(refused);
    if (accepted.length === 0) return;
    await addImport({ id: `extract|${label}|${file.size}`, name: `${label} (${t('import.extracted')})`, importedAt: new Date().toISOString(), observations: accepted, districts: [], indicators: [] });
    if (refused.length === 0) onDone(t('import.saved', { n: accepted.length }));
  };

  return (
    <div className="import-result" data-testid="extraction">
      <h3>{t('import.extractTitle', { name: file.name })}</h3>
      <p>{t('import.extractIntro', { n: cands.length })}</p>
      <label>
        {t('pick.districts')}{' '}
        <select value={district} onChange={(e) => setDistrict(e.target.value)} data-testid="extract-district">
          <option value="">—</option>
          {meta.districts.map((d) => (
            <option key={d.id} value={d.id}>
              {districtName(d, lang)}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" className="button button--small" onClick={() => setPicked(new Set(cands.map((_, i) => i)))}>
        {t('pick.all')}
      </button>{' '}
      <button type="button" className="button button--small" onClick={() => setPicked(new Set())}>
        {t('pick.none')}
      </button>
      <div className="table-scroll extraction-table">
        <table>
          <thead>
            <tr>
              <th scope="col">✓</th>
              <th scope="col">{t('pick.indicator')}</th>
              <th scope="col">{t('chart.year')}</th>
              <th scope="col">{t('chart.value')}</th>
              <th scope="col">{t('pick.basis')}</th>
              <th scope="col">{t('import.quote')}</th>
              <th scope="col">{t('import.confidence')}</th>
            </tr>
          </thead>
          <tbody>
            {cands.map((c, i) => (
              <tr key={i}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${indicatorName(meta.indicator.get(c.indicator), lang, c.indicator)} ${c.year} ${c.value}`}
                    checked={picked.has(i)}
                    onChange={(e) => {
                      const next = new Set(picked);
                      if (e.target.checked) next.add(i);
                      else next.delete(i);
                      setPicked(next);
                    }}
                  />
                </td>
                <td>{indicatorName(meta.indicator.get(c.indicator), lang, c.indicator)}</td>
                <td className="num">{c.year}</td>
                <td className="num">{c.value}</td>
                <td>{c.basis ? basisName(c.basis, meta.basis, lang) : ''}</td>
                <td className="extraction-table__quote" title={c.quote}>
                  {c.quote.length > 80 ? `${c.quote.slice(0, 80)}…` : c.quote}
                  <div className="muted">{c.locator}</div>
                </td>
                <td className="num">{Math.round(c.confidence * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <button type="button" className="button" onClick={add} disabled={picked.size === 0} data-testid="extract-add">
          {t('import.extractAdd', { n: picked.size })}
        </button>
      </p>
      {problems.length > 0 ? (
        <ul role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

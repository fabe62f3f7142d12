// The review workbench: a report's text pasted or dropped on the import page,
// every candidate value beside its passage highlighted in the text, each one
// accepted, edited or rejected from the keyboard, checked as `npm run data`
// would check it, then downloaded as the files the data build takes (an
// observations CSV, the report as UTF-8 text and its data/sources.csv row) or
// added to the data kept in this browser.
import { useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import lexiconCsv from '../../../data/lexicon.csv?raw';
import { addImport } from '../../dataset/imported-db.ts';
import { referenceData, type Meta } from '../../dataset/meta.ts';
import { useDistrictRows } from '../../dataset/store.ts';
import { decodeReportText } from '../../domain/extract/decode.ts';
import { extractCandidates } from '../../domain/extract/extract.ts';
import { loadLexicon } from '../../domain/extract/lexicon.ts';
import { checkReviewedRows, rowsToCsv, sourceRow, SOURCES_COLUMNS, yearSpan, type CuratedRow, type RowProblem } from '../../domain/extract/review.ts';
import { stableId } from '../../domain/hash.ts';
import type { DataObservation } from '../../domain/obs-file.ts';
import { findQuote, indexSource } from '../../domain/quotes.ts';
import type { Source } from '../../domain/types.ts';
import { readObservation } from '../../domain/validate.ts';
import { CURATED_FLAGS, DISTRICT_SCOPES, type FlagId } from '../../domain/vocab.ts';
import { basisName, districtName, flagName, indicatorName, scopeName } from '../../i18n/i18n.ts';
import { fieldLabel, issueText } from '../../i18n/issue-messages.ts';
import { useLang, useT } from '../../i18n/use-t.ts';
import { useReviewT } from './review-text.ts';
import { acceptedRows, bundledMatches, counts, initialReview, reviewReducer, sourceIdFor, type ReviewItem } from './review-model.ts';

export type ReportInput = { name: string; bytes: Uint8Array } | { name: string; text: string };

function saveFile(name: string, data: BlobPart, type: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([data], { type }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export default function ReportExtraction({ input, meta, onDone }: { input: ReportInput; meta: Meta; onDone: (message: string) => void }) {
  const rt = useReviewT();
  const decoded = useMemo(() => {
    if ('text' in input) return { ok: true as const, text: input.text, encoding: 'utf-8' as const, bytes: new TextEncoder().encode(input.text) };
    const d = decodeReportText(input.bytes, input.name);
    // The file the build will hash: the report as received when UTF-8, else its UTF-8 conversion.
    return d.ok ? { ...d, bytes: d.encoding === 'utf-8' ? input.bytes : new TextEncoder().encode(d.text) } : d;
  }, [input]);
  const lexicon = useMemo(() => loadLexicon(lexiconCsv, { indicators: meta.indicators, bases: meta.bases, districts: meta.districts }), [meta]);
  if (!decoded.ok) return <p role="alert">{rt('review.notText', { line: decoded.issue.line })}</p>;
  // The lexicon ships with the app and the build has checked it; this is a safety net, in English as the build says it.
  if (!lexicon.lexicon) return <p role="alert">{lexicon.issues.map((i) => `${i.file}:${i.line}: ${i.field}: ${i.message}`).join('; ')}</p>;
  return <Workbench name={input.name} text={decoded.text} bytes={decoded.bytes} encoding={decoded.encoding} meta={meta} lexicon={lexicon.lexicon} onDone={onDone} />;
}

function Workbench(props: {
  name: string;
  text: string;
  bytes: Uint8Array;
  encoding: string;
  meta: Meta;
  lexicon: NonNullable<ReturnType<typeof loadLexicon>['lexicon']>;
  onDone: (message: string) => void;
}) {
  const { name, text, bytes, encoding, meta, lexicon, onDone } = props;
  const t = useT();
  const rt = useReviewT();
  const lang = useLang();
  const extraction = useMemo(() => extractCandidates(text, lexicon, { fileName: name }), [text, lexicon, name]);
  const [state, dispatch] = useReducer(reviewReducer, undefined, () =>
    initialReview(extraction.candidates, extraction.district, extraction.titleYear, extraction.source || sourceIdFor(extraction.district, extraction.titleYear)),
  );
  const [sha, setSha] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  useEffect(() => {
    void sha256Hex(bytes).then(setSha);
  }, [bytes]);
  const index = useMemo(() => indexSource(text), [text]);
  const bundledSlot = useDistrictRows(state.district || null);
  const bundled = useMemo(() => (bundledSlot.rows ?? []).filter((o) => !o.flags.includes('imported')), [bundledSlot.rows]);

  const { rows, items: rowItems } = acceptedRows(state);
  const [yearMin, yearMax] = yearSpan(rows, extraction.titleYear, extraction.dataYear);
  const source: Source = {
    id: state.source,
    district: state.district,
    title: extraction.title || name.replace(/\.[^.]+$/, ''),
    titleEn: '',
    titleYear: extraction.titleYear ?? yearMax,
    published: '',
    publisher: '',
    file: `${state.source}.txt`,
    originalFile: name,
    sha256: sha,
    yearMin,
    yearMax,
    added: new Date().toISOString().slice(0, 10),
    noteZh: '',
    noteEn: '',
  };
  const refs = referenceData(meta);
  const problems = useMemo(() => {
    if (!state.source || !state.district) return [];
    const withSource = { ...refs, sources: new Map<string, Source>([...refs.sources, [source.id, source]]) };
    return checkReviewedRows(rows, withSource, text, bundled, `data/observations/${state.source}.csv`);
    // The check depends on the rows, the report and the bundled rows only.
  }, [JSON.stringify(rows), state.source, state.district, text, bundled, yearMin, yearMax]);
  const problemsOf = (item: number) => problems.filter((p) => rowItems[p.row] === item);
  const c = counts(state);
  const cur = state.items[state.active];
  const sourceKnown = meta.source.has(state.source);
  const ready = rows.length > 0 && problems.length === 0 && state.district !== '' && state.source !== '' && !sourceKnown && sha !== '';

  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    if (state.editing || e.altKey || e.ctrlKey || e.metaKey) return;
    const act: Record<string, () => void> = {
      ArrowDown: () => dispatch({ type: 'move', by: 1 }),
      j: () => dispatch({ type: 'move', by: 1 }),
      ArrowUp: () => dispatch({ type: 'move', by: -1 }),
      k: () => dispatch({ type: 'move', by: -1 }),
      Home: () => dispatch({ type: 'focus', index: 0 }),
      End: () => dispatch({ type: 'focus', index: state.items.length - 1 }),
      a: () => dispatch({ type: 'accept' }),
      r: () => dispatch({ type: 'reject' }),
      x: () => dispatch({ type: 'reject' }),
      u: () => dispatch({ type: 'undo' }),
      e: () => dispatch({ type: 'edit' }),
      Enter: () => dispatch({ type: 'edit' }),
    };
    const f = act[e.key];
    if (f) {
      e.preventDefault();
      f();
    }
  };

  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>(`[data-index="${state.active}"]`);
    const box = list.current;
    if (el && box) {
      // Keep the focused candidate in view inside the list's own scroll box, not the page's.
      const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      if (top < box.scrollTop) box.scrollTop = top;
      else if (top + el.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = top + el.offsetHeight - box.clientHeight;
    }
  }, [state.active]);
  // After the edit form closes, the keyboard goes back to the list.
  useEffect(() => {
    if (!state.editing) list.current?.focus({ preventScroll: true });
  }, [state.editing]);

  const addHere = async () => {
    const label = name;
    const imported: DataObservation[] = [];
    for (const [k, row] of rows.entries()) {
      const cells = { ...row, source: meta.source.has(row.source) ? row.source : label };
      const { obs } = readObservation(cells, { file: label, line: k + 2 }, refs, { mode: 'import', sourceIndex: () => index });
      if (obs) imported.push({ ...obs, id: `x${stableId(`${label}|${k}|${row.indicator}|${row.year}|${row.value}`)}`, n: null });
    }
    if (imported.length === 0) return;
    await addImport({ id: `extract|${label}|${text.length}`, name: `${label} (${t('import.extracted')})`, importedAt: new Date().toISOString(), observations: imported, districts: [], indicators: [] });
    setAdded(t('import.saved', { n: imported.length }));
    onDone(t('import.saved', { n: imported.length }));
  };

  const sourcesCsv = () => {
    const { header, row } = sourceRow({ ...source, by: { zh: '抽取与核对工作台', en: 'the review workbench' } });
    const bundledRows = meta.sources.map((s) => {
      const cells: Record<string, string> = {
        id: s.id, district: s.district, title: s.title, title_en: s.titleEn, title_year: String(s.titleYear), published: s.published, publisher: s.publisher,
        file: s.file, original_file: s.originalFile, sha256: s.sha256, year_min: String(s.yearMin), year_max: String(s.yearMax), added: s.added, note_zh: s.noteZh, note_en: s.noteEn,
      };
      return SOURCES_COLUMNS.map((k) => cells[k] ?? '');
    });
    return { header, row, bundledRows };
  };

  return (
    <div className="import-result review" data-testid="extraction">
      <h3>{t('import.extractTitle', { name })}</h3>
      <p>
        {rt('review.intro', { n: state.items.length })} {encoding !== 'utf-8' ? rt('review.readAs', { encoding }) : ''}
      </p>
      <div className="review__meta">
        <label>
          {rt('review.district')}{' '}
          <select value={state.district} onChange={(e) => dispatch({ type: 'district', district: e.target.value })} data-testid="extract-district">
            <option value="">—</option>
            {meta.districts.map((d) => (
              <option key={d.id} value={d.id}>
                {districtName(d, lang)}
              </option>
            ))}
          </select>
        </label>{' '}
        <span>
          {rt('review.source')} <code data-testid="review-source">{state.source || '—'}</code>
        </span>{' '}
        <span role="status" aria-live="polite" data-testid="review-counts">
          {rt('review.counts', { accepted: c.accepted, rejected: c.rejected, pending: c.pending })}
        </span>
      </div>
      <p className="muted review__keys" id="review-keys">
        {rt('review.keys')}
      </p>
      {state.items.length === 0 ? (
        <p>{rt('review.none')}</p>
      ) : (
        <div className="review__panes">
          <ol
            ref={list}
            className="review__list"
            role="listbox"
            tabIndex={0}
            aria-label={rt('review.listLabel')}
            aria-describedby="review-keys"
            aria-activedescendant={`review-item-${state.active}`}
            onKeyDown={onKey}
            data-testid="review-list"
          >
            {state.items.map((it, i) => (
              <Item key={i} it={it} i={i} active={i === state.active} meta={meta} bundled={bundled} problems={problemsOf(i).length} onClick={() => dispatch({ type: 'focus', index: i })} />
            ))}
          </ol>
          <div className="review__detail">
            {cur ? (
              <>
                <Detail it={cur} meta={meta} bundled={bundled} problems={problemsOf(state.active)} />
                {state.editing ? (
                  <EditForm key={state.active} it={cur} meta={meta} onSave={(row) => dispatch({ type: 'save', row })} onCancel={() => dispatch({ type: 'cancel' })} />
                ) : (
                  <p className="review__actions">
                    <button type="button" className="button button--small" onClick={() => dispatch({ type: 'accept' })} data-testid="review-accept">
                      {rt('review.accept')}
                    </button>{' '}
                    <button type="button" className="button button--small" onClick={() => dispatch({ type: 'edit' })} data-testid="review-edit">
                      {rt('review.edit')}
                    </button>{' '}
                    <button type="button" className="button button--small" onClick={() => dispatch({ type: 'reject' })} data-testid="review-reject">
                      {rt('review.reject')}
                    </button>{' '}
                    <button type="button" className="button button--small" onClick={() => dispatch({ type: 'undo' })}>
                      {rt('review.undo')}
                    </button>
                  </p>
                )}
                <Passage text={text} range={findQuote(index, cur.row.quote)} />
              </>
            ) : null}
          </div>
        </div>
      )}
      <div className="review__out">
        <h4>{rt('review.outTitle')}</h4>
        {sourceKnown ? <p role="alert">{rt('review.sourceKnown', { id: state.source })}</p> : null}
        {!state.district ? <p role="alert">{rt('review.needDistrict')}</p> : null}
        {problems.length > 0 ? (
          <div role="alert" data-testid="review-problems">
            <p>{rt('review.problems', { n: problems.length })}</p>
            <ul>
              {problems.slice(0, 50).map((p, k) => (
                <li key={k}>
                  <button type="button" className="linklike" onClick={() => dispatch({ type: 'focus', index: rowItems[p.row] ?? 0 })}>
                    {rt('review.problemAt', { n: (rowItems[p.row] ?? 0) + 1 })}
                  </button>{' '}
                  {fieldLabel(p.field, lang)}: {issueText(p, lang)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="muted">{rt('review.outIntro', { source: state.source || '…' })}</p>
        <p className="review__downloads">
          <button type="button" className="button" disabled={!ready} onClick={() => saveFile(`${state.source}.csv`, rowsToCsv(rows), 'text/csv;charset=utf-8')} data-testid="review-download-csv">
            {rt('review.downloadCsv', { n: rows.length, file: `${state.source}.csv` })}
          </button>{' '}
          <button type="button" className="button" disabled={!ready} onClick={() => saveFile(`${state.source}.txt`, bytes as BlobPart, 'text/plain;charset=utf-8')} data-testid="review-download-txt">
            {rt('review.downloadTxt', { file: `${state.source}.txt` })}
          </button>{' '}
          <button
            type="button"
            className="button"
            disabled={!ready}
            onClick={() => {
              const { header, row, bundledRows } = sourcesCsv();
              const body = bundledRows.map((cells) => cells.map((x) => (/[",\n\r]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x)).join(','));
              saveFile('sources.csv', [header, ...body, row].join('\n') + '\n', 'text/csv;charset=utf-8');
            }}
            data-testid="review-download-sources"
          >
            {rt('review.downloadSources')}
          </button>
        </p>
        {ready ? (
          <label className="review__row">
            {rt('review.sourceRow')}
            <textarea readOnly rows={2} value={sourcesCsv().row} data-testid="review-source-row" onFocus={(e) => e.currentTarget.select()} />
          </label>
        ) : null}
        <p>
          <button type="button" className="button button--small" onClick={addHere} disabled={rows.length === 0} data-testid="extract-add">
            {rt('review.addHere', { n: rows.length })}
          </button>
          {added ? <span role="status"> {added}</span> : null}
        </p>
      </div>
    </div>
  );
}

const STATUS_KEY = { pending: 'review.status.pending', accepted: 'review.status.accepted', rejected: 'review.status.rejected' } as const;

function valueLabel(row: CuratedRow, meta: Meta): string {
  const unit = meta.indicator.get(row.indicator)?.unit;
  return `${row.value}${unit === 'percent' ? '%' : ''}`;
}

function Item(props: { it: ReviewItem; i: number; active: boolean; meta: Meta; bundled: DataObservation[]; problems: number; onClick: () => void }) {
  const { it, i, active, meta, bundled, problems } = props;
  const rt = useReviewT();
  const lang = useLang();
  const r = it.row;
  const matches = bundledMatches(r, bundled);
  return (
    // Clicks only pick an item; the list itself takes the keys (aria-activedescendant).
    <li
      id={`review-item-${i}`}
      data-index={i}
      role="option"
      aria-selected={active}
      className={`review__item review__item--${it.status}${active ? ' review__item--active' : ''}`}
      onClick={props.onClick}
      data-testid="review-item"
      data-status={it.status}
    >
      <span className="review__status">{rt(STATUS_KEY[it.status])}</span>{' '}
      <strong>{indicatorName(meta.indicator.get(r.indicator), lang, r.indicator)}</strong> {r.year} · {valueLabel(r, meta)}
      {r.basis ? ` · ${basisName(r.basis, meta.basis, lang)}` : ''}
      {r.scope ? ` · ${scopeName(r.scope, lang)}` : ''}
      {r.flags ? ` · ${r.flags.split(';').map((f) => flagName(f as FlagId, lang)).join('、')}` : ''}
      {it.edited ? <span className="review__badge"> {rt('review.edited')}</span> : null}
      {matches.some((m) => m.kind === 'conflict') ? <span className="review__badge review__badge--warn"> {rt('review.conflictBadge')}</span> : null}
      {matches.some((m) => m.kind === 'same') ? <span className="review__badge"> {rt('review.knownBadge')}</span> : null}
      {problems > 0 ? <span className="review__badge review__badge--warn"> {rt('review.problemBadge', { n: problems })}</span> : null}
    </li>
  );
}

function Detail({ it, meta, bundled, problems }: { it: ReviewItem; meta: Meta; bundled: DataObservation[]; problems: RowProblem[] }) {
  const t = useT();
  const rt = useReviewT();
  const lang = useLang();
  const r = it.row;
  const matches = bundledMatches(r, bundled);
  return (
    <div className="review__card" data-testid="review-detail">
      <p>
        <strong>{indicatorName(meta.indicator.get(r.indicator), lang, r.indicator)}</strong> · {r.year}
        {r.period ? ` (${r.period})` : ''} · <span className="num">{valueLabel(r, meta)}</span>
      </p>
      <p className="muted">{lang === 'zh' ? r.note_zh : r.note_en}</p>
      <p className="muted">
        {rt('review.locator')}: {r.locator} · {t('import.confidence')}: {Math.round(it.candidate.confidence * 100)}%
      </p>
      {city(it) ? <p role="note">{rt('review.citywide')}</p> : null}
      {matches.map((m, k) => (
        <p key={k} className={m.kind === 'conflict' ? 'review__warn' : 'muted'}>
          {rt(m.kind === 'conflict' ? 'review.conflict' : 'review.known', { value: m.row.value, source: m.row.source, locator: m.row.locator })}
        </p>
      ))}
      {problems.map((p, k) => (
        <p key={k} className="review__warn">
          {fieldLabel(p.field, lang)}: {issueText(p, lang)}
        </p>
      ))}
    </div>
  );
}

const city = (it: ReviewItem) => it.row.scope === 'citywide';

function EditForm({ it, meta, onSave, onCancel }: { it: ReviewItem; meta: Meta; onSave: (row: Partial<CuratedRow>) => void; onCancel: () => void }) {
  const t = useT();
  const rt = useReviewT();
  const lang = useLang();
  const [row, setRow] = useState<CuratedRow>(it.row);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const set = (k: keyof CuratedRow, v: string) => setRow((r) => ({ ...r, [k]: v }));
  const bases = meta.bases.filter((b) => b.appliesTo.length === 0 || b.appliesTo.includes(row.indicator));
  const flags = new Set(row.flags.split(';').filter(Boolean));
  const toggle = (f: FlagId) => {
    const next = new Set(flags);
    if (next.has(f)) next.delete(f);
    else next.add(f);
    set('flags', CURATED_FLAGS.filter((x) => next.has(x)).join(';'));
  };
  return (
    <form
      className="review__form"
      data-testid="review-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(row);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label>
        {t('chart.value')} <input ref={first} value={row.value} onChange={(e) => set('value', e.target.value)} inputMode="decimal" data-testid="review-value" />
      </label>
      <label>
        {t('chart.year')} <input value={row.year} onChange={(e) => set('year', e.target.value)} inputMode="numeric" size={5} data-testid="review-year" />
      </label>
      <label>
        {t('pick.basis')}{' '}
        <select value={row.basis} onChange={(e) => set('basis', e.target.value)} data-testid="review-basis">
          <option value="">{basisName('', meta.basis, lang)}</option>
          {bases.map((b) => (
            <option key={b.id} value={b.id}>
              {basisName(b.id, meta.basis, lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {rt('review.scope')}{' '}
        <select value={row.scope} onChange={(e) => set('scope', e.target.value)} data-testid="review-scope">
          {DISTRICT_SCOPES.map((s) => (
            <option key={s} value={s}>
              {scopeName(s, lang)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{rt('review.flags')}</legend>
        {CURATED_FLAGS.filter((f) => f !== 'derived').map((f) => (
          <label key={f} className="review__flag">
            <input type="checkbox" checked={flags.has(f)} onChange={() => toggle(f)} /> {flagName(f, lang)}
          </label>
        ))}
      </fieldset>
      <label className="review__wide">
        {rt('review.noteZh')} <input value={row.note_zh} onChange={(e) => set('note_zh', e.target.value)} data-testid="review-note-zh" />
      </label>
      <label className="review__wide">
        {rt('review.noteEn')} <input value={row.note_en} onChange={(e) => set('note_en', e.target.value)} data-testid="review-note-en" />
      </label>
      <p>
        <button type="submit" className="button button--small" data-testid="review-save">
          {rt('review.save')}
        </button>{' '}
        <button type="button" className="button button--small" onClick={onCancel}>
          {rt('review.cancel')}
        </button>
      </p>
    </form>
  );
}

/** The report's text with the passage highlighted, its own pane scrolled to it. */
function Passage({ text, range }: { text: string; range: [number, number] | null }) {
  const rt = useReviewT();
  const pane = useRef<HTMLDivElement>(null);
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    const p = pane.current;
    const m = mark.current;
    if (!p || !m) return;
    const top = m.getBoundingClientRect().top - p.getBoundingClientRect().top + p.scrollTop;
    p.scrollTop = Math.max(0, top - p.clientHeight / 3);
  }, [range?.[0], range?.[1]]);
  if (!range) return <p className="review__warn">{rt('review.quoteMissing')}</p>;
  // Only the neighbourhood of the passage is drawn: a whole report in one pane is slow to lay out.
  const from = Math.max(0, text.lastIndexOf('\n', Math.max(0, range[0] - 1500)));
  const to = text.indexOf('\n', Math.min(text.length, range[1] + 1500));
  const end = to < 0 ? text.length : to;
  return (
    <div ref={pane} className="review__text" tabIndex={0} aria-label={rt('review.textLabel')} data-testid="review-text">
      {from > 0 ? '…' : ''}
      {text.slice(from, range[0])}
      <mark ref={mark} data-testid="review-mark">
        {text.slice(range[0], range[1])}
      </mark>
      {text.slice(range[1], end)}
      {end < text.length ? '…' : ''}
    </div>
  );
}

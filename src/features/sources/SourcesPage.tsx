// The reports, and a viewer that opens a report's text at a value's quote.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ShareBar } from '../../components/ShareBar.tsx';
import { ExportToggle } from '../../components/ExportToggle.tsx';
import { ViewLink } from '../../components/ViewLink.tsx';
import { csvUrl, dataHref, loadSourceText } from '../../dataset/load.ts';
import type { Meta, SourceMeta } from '../../dataset/meta.ts';
import { useDistrictRows, useIndex, useManifest, useMeta } from '../../dataset/store.ts';
import { formatValue } from '../../domain/format.ts';
import type { DataObservation } from '../../domain/obs-file.ts';
import { basisName, districtName, flagName, indicatorName, note, sourceTitle, type Lang, type T } from '../../i18n/i18n.ts';
import { useLang, useT } from '../../i18n/use-t.ts';
import { useView } from '../../state/store.ts';
import { highlightSegments } from './highlight.ts';

export default function SourcesPage() {
  const meta = useMeta();
  const source = useView((s) => s.source);
  const t = useT();
  const lang = useLang();
  if (!meta) return null;
  if (source === null) return <SourceList meta={meta} t={t} lang={lang} />;
  const s = meta.source.get(source);
  if (!s) return <p role="alert">{t('sources.notFound', { id: source })}</p>;
  return <SourceViewer meta={meta} source={s} t={t} lang={lang} />;
}

function SourceList({ meta, t, lang }: { meta: Meta; t: T; lang: Lang }) {
  const manifest = useManifest();
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">{t('sources.title')}</h2>
      <p>{t('sources.intro')}</p>
      {manifest ? (
        <p>
          <a href={csvUrl(manifest)} download="beijing-vocational-observations.csv" className="button">
            {t('sources.download')}
          </a>
        </p>
      ) : null}
      <ul className="source-list">
        {meta.sources.map((s) => (
          <li key={s.id} className="source-card">
            <h3>
              <ViewLink to={{ view: 'sources', source: s.id, obs: null }}>{sourceTitle(s, lang)}</ViewLink>
            </h3>
            {lang === 'en' && s.titleEn ? <p lang="zh-CN">{s.title}</p> : null}
            <p className="muted">
              {districtName(meta.district.get(s.district), lang, s.district)} · {s.publisher}
              {s.published ? ` · ${t('sources.published', { date: s.published })}` : ''} · {t('sources.years', { from: s.yearMin, to: s.yearMax })} ·{' '}
              {t('sources.observations', { n: s.observations })}
            </p>
            <p>{lang === 'zh' ? s.noteZh : s.noteEn}</p>
          </li>
        ))}
      </ul>
      <ShareBar what={t('sources.title')} sources={meta.sources}>
        <ExportToggle
          spec={() => ({
            // The list of reports as shown; the whole dataset is the link above it.
            fileStem: 'sources',
            text: { title: t('sources.title'), subtitle: '', description: t('sources.title'), notes: [], sourceLine: '', lang },
            rows: [],
            table: {
              columns: ['id', 'district', 'title', 'title_en', 'title_year', 'year_min', 'year_max', 'published', 'publisher', 'file', 'sha256'],
              rows: meta.sources.map((s) => [s.id, s.district, s.title, s.titleEn, s.titleYear, s.yearMin, s.yearMax, s.published, s.publisher, s.file, s.sha256]),
            },
            meta,
          })}
        />
      </ShareBar>
    </section>
  );
}

function SourceViewer({ meta, source, t, lang }: { meta: Meta; source: SourceMeta; t: T; lang: Lang }) {
  const manifest = useManifest();
  const obsId = useView((s) => s.obs);
  const index = useIndex();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { rows } = useDistrictRows(source.district);
  // In the order the report states them; derived values (no quote) last.
  const mine = useMemo(
    () => (rows ?? []).filter((o) => o.source === source.id).sort((a, b) => (a.span?.[0] ?? Infinity) - (b.span?.[0] ?? Infinity)),
    [rows, source.id],
  );
  const selected = mine.find((o) => o.id === obsId) ?? null;
  const spans = useMemo(() => spansFor(selected, mine), [selected, mine]);
  const textRef = useRef<HTMLDivElement | null>(null);
  const listRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!manifest) return;
    setText(null);
    loadSourceText(manifest, source.id).then(setText, (e: Error) => setError(e.message));
  }, [manifest, source.id]);
  useEffect(() => {
    // Scroll the text pane only (not the page), so the passage sits mid-pane under the heading.
    const pane = textRef.current;
    const mark = pane?.querySelector('mark');
    if (!pane || !mark) return;
    const top = mark.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
    pane.scrollTop = Math.max(0, top - pane.clientHeight / 3);
    // On narrow screens the pane is not a scroller: bring the passage into view instead.
    if (pane.scrollHeight <= pane.clientHeight) mark.scrollIntoView({ block: 'center' });
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('.is-selected');
    if (list && item) list.scrollTop = Math.max(0, item.offsetTop - list.offsetTop - list.clientHeight / 3);
  }, [text, obsId]);

  const segments = text === null ? [] : highlightSegments(text, spans);
  return (
    <section className="source-viewer" aria-labelledby="source-title">
      <p>
        <ViewLink to={{ view: 'sources', source: null, obs: null }}>← {t('sources.back')}</ViewLink>
      </p>
      <h2 id="source-title">{sourceTitle(source, lang)}</h2>
      <p className="muted">
        {districtName(meta.district.get(source.district), lang)} · {source.publisher}
        {source.published ? ` · ${t('sources.published', { date: source.published })}` : ''} · {t('sources.years', { from: source.yearMin, to: source.yearMax })} ·{' '}
        {t('sources.file', { file: source.originalFile || source.file })}
        {index?.sources[source.id] ? (
          <>
            {' · '}
            <a href={dataHref(index.sources[source.id]!)} download={`${source.id}.txt`}>
              {t('sources.downloadTxt')}
            </a>
          </>
        ) : null}
      </p>
      {selected ? <SelectedObservation o={selected} meta={meta} t={t} lang={lang} /> : null}
      <div className="source-viewer__body">
        <div className="source-text" ref={textRef} tabIndex={0} aria-label={sourceTitle(source, lang)} data-testid="source-text">
          {error ? <p role="alert">{error}</p> : null}
          {text === null && !error ? <p className="loading">{t('common.loading')}</p> : null}
          {segments.map((seg, i) =>
            seg.marked ? (
              <mark key={i} data-testid="quote-mark">
                {seg.text}
              </mark>
            ) : (
              <span key={i}>{seg.text}</span>
            ),
          )}
        </div>
        <aside className="source-viewer__values" aria-labelledby="values-title" ref={listRef}>
          <h3 id="values-title">{t('sources.values')}</h3>
          <ul>
            {mine.map((o) => {
              const ind = meta.indicator.get(o.indicator);
              return (
                <li key={o.id} className={o.id === obsId ? 'is-selected' : ''}>
                  <ViewLink to={{ view: 'sources', source: source.id, obs: o.id }} aria-current={o.id === obsId ? 'page' : undefined}>
                    {indicatorName(ind, lang, o.indicator)} {o.year}
                    {o.basis ? ` · ${basisName(o.basis, meta.basis, lang)}` : ''}: {ind ? formatValue(o.value, ind, lang) : o.value}
                  </ViewLink>
                  {o.flags.map((f) => (
                    <span key={f} className={`flag flag--${f}`}>
                      {flagName(f, lang)}
                    </span>
                  ))}
                </li>
              );
            })}
          </ul>
        </aside>
      </div>
    </section>
  );
}

function SelectedObservation({ o, meta, t, lang }: { o: DataObservation; meta: Meta; t: T; lang: Lang }) {
  const ind = meta.indicator.get(o.indicator);
  return (
    <div className="selected-obs" data-testid="selected-obs">
      <p>
        <strong>
          {districtName(meta.district.get(o.district), lang, o.district)} · {indicatorName(ind, lang, o.indicator)} · {o.year}
          {o.period ? ` (${o.period})` : ''}
        </strong>
        {': '}
        <span className="selected-obs__value">{ind ? formatValue(o.value, ind, lang) : o.value}</span>
        {o.basis ? ` · ${basisName(o.basis, meta.basis, lang)}` : ''} · {o.locator}
      </p>
      {o.flags.length > 0 ? (
        <p>
          {o.flags.map((f) => (
            <span key={f} className={`flag flag--${f}`}>
              {flagName(f, lang)}
            </span>
          ))}{' '}
          {note(o, lang)}
        </p>
      ) : null}
      {o.formula ? <p>{t('chart.derivedInputs')} {o.formula}</p> : null}
      <p className="muted">{o.span ? t('sources.highlight') : t('sources.quoteMissing')}</p>
    </div>
  );
}

/** The passages to highlight: the quote's span, or the spans of a derived value's inputs. */
function spansFor(o: DataObservation | null, rows: DataObservation[]): [number, number][] {
  if (!o) return [];
  if (o.span) return [o.span];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return o.inputs.map((id) => byId.get(id)?.span).filter((s): s is [number, number] => !!s);
}

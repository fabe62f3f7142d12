// The notes under a chart: stand-in years and gaps, every flagged value with
// its reason, what the flags mean, and the source line linking each report.
import type { FlagId } from '../domain/vocab.ts';
import { ViewLink } from './ViewLink.tsx';

export interface NotesProps {
  notes: string[];
  flagged: { label: string; flags: { flag: FlagId; name: string }[]; note: string }[];
  legend: { flag: FlagId; name: string; description: string }[];
  sources: { id: string; title: string }[];
  notesTitle: string;
  lang: 'zh' | 'en';
}

export function ChartNotes({ notes, flagged, legend, sources, notesTitle, lang }: NotesProps) {
  return (
    <div className="chart-notes">
      {notes.length > 0 || flagged.length > 0 ? (
        <div className="chart-notes__block">
          <h3 className="chart-notes__title">{notesTitle}</h3>
          <ul>
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
            {flagged.map((f) => (
              <li key={f.label} className="chart-notes__flagged">
                <strong>{f.label}</strong>{' '}
                {f.flags.map((x) => (
                  <span key={x.flag} className={`flag flag--${x.flag}`}>
                    {x.name}
                  </span>
                ))}{' '}
                {f.note}
              </li>
            ))}
          </ul>
          {legend.length > 0 ? (
            <dl className="chart-notes__legend">
              {legend.map((l) => (
                <div key={l.flag}>
                  <dt>
                    <span className={`flag flag--${l.flag}`}>{l.name}</span>
                  </dt>
                  <dd>{l.description}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </div>
      ) : null}
      {sources.length > 0 ? (
        <p className="chart-notes__sources" data-testid="source-line">
          {lang === 'zh' ? '来源：' : 'Sources: '}
          {sources.map((s, i) => (
            <span key={s.id}>
              {i > 0 ? (lang === 'zh' ? '、' : '; ') : ''}
              <ViewLink to={{ view: 'sources', source: s.id, obs: null }}>{lang === 'zh' ? `《${s.title}》` : s.title}</ViewLink>
            </span>
          ))}
          {lang === 'zh' ? '。' : '.'}
        </p>
      ) : null}
    </div>
  );
}

// Definitions of every indicator and basis, how years are assigned, how
// derived values are computed and what each flag means.
import { categoriesOf } from '../../dataset/meta.ts';
import { useMeta } from '../../dataset/store.ts';
import { unitLabel } from '../../domain/format.ts';
import { CURATED_FLAGS, FLAG_LABELS, FLAGS } from '../../domain/vocab.ts';
import { categoryName, flagDescription, flagName, indicatorDefinition, indicatorName } from '../../i18n/i18n.ts';
import { useLang, useT } from '../../i18n/use-t.ts';
import { ViewLink } from '../../components/ViewLink.tsx';
import { ExportToggle } from '../../components/ExportToggle.tsx';
import { DOUBTFUL_TEXT } from './doubtful-text.ts';
import { EXPORT_COLUMNS } from '../../components/view-export.ts';

export default function MethodologyPage() {
  const meta = useMeta();
  const t = useT();
  const lang = useLang();
  if (!meta) return null;
  const other = lang === 'zh' ? 'en' : 'zh';
  const c = EXPORT_COLUMNS[lang];
  const cats = categoriesOf(meta);
  return (
    <article className="methodology" aria-labelledby="method-title">
      <h2 id="method-title">{t('method.title')}</h2>
      <div className="share-bar">
        <ExportToggle
          spec={() => ({
            // Every definition the page gives: indicators, bases and flags, in both languages.
            fileStem: 'methodology',
            text: { title: t('method.title'), subtitle: '', description: t('method.title'), notes: [], sourceLine: '', lang },
            rows: [],
            table: {
              columns: [c.kind, c.id, c.nameZh, c.nameEn, t('method.col.unit'), c.defZh, c.defEn],
              rows: [
                ...meta.indicators.map((i) => ['indicator', i.id, i.nameZh, i.nameEn, unitLabel(i.unit, lang), i.definitionZh, i.definitionEn]),
                ...meta.bases.map((b) => ['basis', b.id, b.nameZh, b.nameEn, null, b.definitionZh, b.definitionEn]),
                ...FLAGS.map((f) => ['flag', f, FLAG_LABELS[f].zh, FLAG_LABELS[f].en, null, FLAG_LABELS[f].descZh, FLAG_LABELS[f].descEn]),
              ],
            },
            meta,
          })}
        />
      </div>
      <section>
        <h3>{t('method.years')}</h3>
        <p>{t('method.yearsBody')}</p>
      </section>
      <section>
        <h3>{t('method.missing')}</h3>
        <p>{t('method.missingBody')}</p>
      </section>
      <section>
        <h3>{t('method.derived')}</h3>
        <p>{t('method.derivedBody')}</p>
      </section>
      <section id="method-doubtful">
        <h3>{DOUBTFUL_TEXT[lang].doubtful}</h3>
        <p>{DOUBTFUL_TEXT[lang].doubtfulBody}</p>
        <h4>{DOUBTFUL_TEXT[lang].ranks}</h4>
        <p>{DOUBTFUL_TEXT[lang].ranksBody}</p>
      </section>
      <section>
        <h3>{t('method.bases')}</h3>
        <p>{t('method.basesBody')}</p>
        <dl className="definition-list">
          {meta.bases.map((b) => (
            <div key={b.id}>
              <dt>
                {lang === 'zh' ? b.nameZh : b.nameEn} <code>{b.id}</code>
              </dt>
              <dd>{lang === 'zh' ? b.definitionZh : b.definitionEn}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section>
        <h3>{t('method.flags')}</h3>
        <dl className="definition-list">
          {FLAGS.filter((f) => CURATED_FLAGS.includes(f) || f === 'imported').map((f) => (
            <div key={f}>
              <dt>
                <span className={`flag flag--${f}`}>{flagName(f, lang)}</span> <code>{f}</code>
              </dt>
              <dd>{flagDescription(f, lang)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section>
        <h3>{t('method.indicators')}</h3>
        {cats.map((c) => {
          const items = meta.indicators.filter((i) => i.category === c);
          if (items.length === 0) return null;
          return (
            <div key={c} className="table-scroll">
              <table className="indicator-table">
                <caption>{categoryName(c, lang)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('method.col.name')}</th>
                    <th scope="col">{t('method.col.unit')}</th>
                    <th scope="col">{t('method.col.definition')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr key={i.id} id={`indicator-${i.id}`}>
                      <th scope="row">
                        <ViewLink to={{ view: 'compare', indicator: i.id, basis: null }}>{indicatorName(i, lang)}</ViewLink>
                        <div className="muted" lang={other === 'zh' ? 'zh-CN' : 'en'}>
                          {indicatorName(i, other)}
                        </div>
                        <code>{i.id}</code>
                      </th>
                      <td>{unitLabel(i.unit, lang)}</td>
                      <td>
                        <p>{indicatorDefinition(i, lang)}</p>
                        <p className="muted" lang={other === 'zh' ? 'zh-CN' : 'en'}>
                          {indicatorDefinition(i, other)}
                        </p>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })}
      </section>
    </article>
  );
}

// Everything known about one district.
import { categoriesOf } from '../../dataset/meta.ts';
import { useMemo } from 'react';
import { Sparkline } from '../../components/Sparkline.tsx';
import { ViewLink } from '../../components/ViewLink.tsx';
import { sourcePatch } from '../../components/links.ts';
import { useDistrictRows, useMeta, useRanks } from '../../dataset/store.ts';
import { formatValue } from '../../domain/format.ts';
import { basisName, categoryName, districtName, flagName, groupName, indicatorName, rankLabel, sourceTitle, scopeName, note } from '../../i18n/i18n.ts';
import { useLang, useT } from '../../i18n/use-t.ts';
import { setView, useView } from '../../state/store.ts';
import { profileEntries } from './district-model.ts';
import { ShareBar } from '../../components/ShareBar.tsx';
import { ExportToggle } from '../../components/ExportToggle.tsx';
import { observationsSpec } from '../../components/view-export.ts';

export default function DistrictPage() {
  const meta = useMeta();
  const t = useT();
  const lang = useLang();
  const chosen = useView((s) => s.district);
  const district = chosen && meta?.district.has(chosen) ? chosen : (meta?.sources[0]?.district ?? null);
  const { rows } = useDistrictRows(district);
  const { ranks } = useRanks(district);
  const entries = useMemo(() => (meta && rows && district ? profileEntries(district, rows, ranks?.ranks ?? null, meta) : []), [meta, rows, ranks, district]);
  if (!meta || !district) return null;
  const d = meta.district.get(district)!;
  const reports = meta.sources.filter((s) => s.district === district);
  const cats = categoriesOf(meta);
  return (
    <section aria-labelledby="district-title" className="district">
      <div className="controls">
        <div className="picker">
          <label htmlFor="district-pick" className="picker__label">
            {t('district.pick')}
          </label>
          <select id="district-pick" value={district} onChange={(e) => setView({ district: e.target.value })}>
            {meta.groups.map((g) => (
              <optgroup key={g.id} label={groupName(g, lang)}>
                {meta.districts
                  .filter((x) => x.group === g.id)
                  .map((x) => (
                    <option key={x.id} value={x.id}>
                      {districtName(x, lang)}
                      {meta.sources.some((s) => s.district === x.id) ? '' : ` — ${t('district.noReport')}`}
                    </option>
                  ))}
              </optgroup>
            ))}
            {meta.districts.filter((x) => !meta.group.has(x.group)).map((x) => (
              <option key={x.id} value={x.id}>
                {districtName(x, lang)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <h2 id="district-title">{districtName(d, lang)}</h2>
      <p className="muted">
        {t('district.group', { group: groupName(meta.group.get(d.group), lang, d.group) })}
        {note(d, lang) ? ` · ${note(d, lang)}` : ''}
      </p>
      <p>
        {reports.length === 0
          ? t('district.noReport')
          : reports.map((s, i) => (
              <span key={s.id}>
                {i > 0 ? '；' : `${lang === 'zh' ? '报告：' : 'Reports: '}`}
                <ViewLink to={{ view: 'sources', source: s.id, obs: null }}>{sourceTitle(s, lang)}</ViewLink>
              </span>
            ))}
      </p>
      {rows && entries.length > 0 ? (
        <ShareBar what={districtName(d, lang)} sources={reports}>
          <ExportToggle
            spec={() => {
              // The values the profile shows, in its order: category by category, each indicator's years.
              const shown = cats.flatMap((c) => entries.filter((e) => e.indicator.category === c).flatMap((e) => e.points.map((p) => p.obs)));
              return observationsSpec({ fileStem: `district-${district}`, title: districtName(d, lang), obs: shown, meta, lang, t });
            }}
          />
        </ShareBar>
      ) : null}
      {rows && entries.length === 0 ? <p>{t('district.none')}</p> : null}
      {rows ? <p className="muted">{t('district.indicators', { n: new Set(entries.map((e) => e.indicator.id)).size })}</p> : <p className="loading">{t('common.loading')}</p>}
      {cats.map((c) => {
        const list = entries.filter((e) => e.indicator.category === c);
        if (list.length === 0) return null;
        return (
          <section key={c} className="district__category">
            <h3>{categoryName(c, lang)}</h3>
            <ul className="profile-grid">
              {list.map((e) => {
                const fmt = (v: number) => formatValue(v, e.indicator, lang);
                const o = e.latest.obs;
                const name = indicatorName(e.indicator, lang);
                return (
                  <li key={`${e.indicator.id}|${e.basis}`} className="profile-card">
                    <h4>
                      <ViewLink to={{ view: 'compare', indicator: e.indicator.id, basis: e.basis, districts: null }}>{name}</ViewLink>
                      {e.basis ? <span className="muted"> · {basisName(e.basis, meta.basis, lang)}</span> : null}
                    </h4>
                    <p className="profile-card__value">
                      {t('district.latest', { value: fmt(e.latest.value), year: e.latest.year })}
                      {o.scope ? <span className="muted"> · {scopeName(o.scope, lang)}</span> : null}
                    </p>
                    <Sparkline points={e.points} label={`${name}: ${e.points.map((p) => `${p.year} ${fmt(p.value)}`).join(', ')}`} />
                    <p className="profile-card__rank">
                      {e.unranked
                        ? rankLabel(t, { rank: null, tiedWith: 1 }, 0, 'profile')
                        : e.rank
                          ? e.rank.n > 1
                            ? rankLabel(t, e.rank, e.rank.n, 'profile')
                            : t('district.rankAlone')
                          : ranks
                            ? ''
                            : '…'}
                    </p>
                    {o.flags.length > 0 ? (
                      <p className="profile-card__flags" title={note(o, lang)}>
                        {o.flags.map((f) => (
                          <span key={f} className={`flag flag--${f}`}>
                            {flagName(f, lang)}
                          </span>
                        ))}{' '}
                        <span className="muted">{note(o, lang)}</span>
                      </p>
                    ) : null}
                    <p className="profile-card__years">
                      {e.points.map((p) => (
                        <span key={p.year}>
                          {p.obs.source ? <ViewLink to={sourcePatch(p.obs.source, p.obs.id)}>{`${p.year}: ${fmt(p.value)}`}</ViewLink> : `${p.year}: ${fmt(p.value)}`}
                        </span>
                      ))}
                    </p>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

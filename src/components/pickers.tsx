// Shared selection controls. Presentational: values in, changes out.
import { useId, useMemo, useRef, useState } from 'react';
import { categoriesOf, type Meta } from '../dataset/meta.ts';
import { districtMatches, indicatorMatches } from '../domain/search.ts';
import { basisLabel, categoryName, districtName, groupName, indicatorName, type Lang, type T } from '../i18n/i18n.ts';

export function IndicatorPicker(props: {
  meta: Meta;
  value: string;
  onChange: (id: string) => void;
  lang: Lang;
  t: T;
  /** Indicators with data (others are listed but marked). */
  available?: Set<string>;
}) {
  const { meta, value, onChange, lang, t, available } = props;
  const [query, setQuery] = useState('');
  const id = useId();
  const groups = useMemo(() => {
    const cats = categoriesOf(meta);
    return cats
      .map((c) => ({ c, items: meta.indicators.filter((i) => i.category === c && (i.id === value || indicatorMatches(i, query))) }))
      .filter((g) => g.items.length > 0);
  }, [meta, query, value]);
  const matches = groups.reduce((n, g) => n + g.items.filter((i) => i.id !== value || indicatorMatches(i, query)).length, 0);
  return (
    <div className="picker picker--indicator">
      <label htmlFor={`${id}-select`} className="picker__label">
        {t('pick.indicator')}
      </label>
      <input
        type="search"
        className="picker__search"
        placeholder={t('pick.indicatorSearch')}
        aria-label={t('pick.indicatorSearch')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {query && matches === 0 ? <p className="picker__empty">{t('pick.noIndicator')}</p> : null}
      <select id={`${id}-select`} value={value} onChange={(e) => onChange(e.target.value)}>
        {groups.map((g) => (
          <optgroup key={g.c} label={categoryName(g.c, lang)}>
            {g.items.map((i) => (
              <option key={i.id} value={i.id}>
                {indicatorName(i, lang)}
                {available && !available.has(i.id) ? ` — ${t('pick.noData')}` : ''}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function DistrictPicker(props: {
  meta: Meta;
  /** null: every district with data. */
  value: string[] | null;
  withData: Set<string>;
  /** Districts with values only on another basis of the indicator. */
  otherBasis?: Set<string>;
  onChange: (ids: string[] | null) => void;
  lang: Lang;
  t: T;
}) {
  const { meta, value, withData, otherBasis, onChange, lang, t } = props;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDetailsElement>(null);
  const id = useId();
  const selected = new Set(value ?? [...withData]);
  const toggle = (d: string) => {
    const next = new Set(selected);
    if (next.has(d)) next.delete(d);
    else next.add(d);
    onChange(meta.districts.map((x) => x.id).filter((x) => next.has(x)));
  };
  const setGroup = (g: string) => {
    onChange(meta.districts.filter((d) => d.group === g).map((d) => d.id));
  };
  const MAX_LISTED = 400;
  // The checkboxes are built only once the picker is open: at national scale there are thousands.
  // (The rest of the panel is always there, so a keyboard user never tabs past a panel still being built.)
  const matching = open ? meta.districts.filter((d) => districtMatches(d, query)) : [];
  const shown = matching.slice(0, MAX_LISTED);
  const summary = value === null ? t('pick.allWithData', { n: withData.size }) : t('pick.selected', { n: value.length });
  return (
    <details
      className="picker picker--districts"
      ref={panel}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
      // Esc closes the panel and gives the focus back to its button, as with any pop-up.
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !panel.current?.open) return;
        e.preventDefault();
        e.stopPropagation();
        panel.current.open = false;
        panel.current.querySelector('summary')?.focus();
      }}
    >
      <summary>
        <span className="picker__label">{t('pick.districts')}</span> <span className="picker__summary">{summary}</span>
      </summary>
      <div className="picker__panel">
        <input
          type="search"
          className="picker__search"
          placeholder={t('pick.districtSearch')}
          aria-label={t('pick.districtSearch')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="picker__actions" role="group" aria-label={t('pick.group')}>
          <button type="button" onClick={() => onChange(null)}>
            {t('pick.all')}
          </button>
          <button type="button" onClick={() => onChange([])}>
            {t('pick.none')}
          </button>
          {meta.groups.map((g) => (
            <button type="button" key={g.id} onClick={() => setGroup(g.id)}>
              {groupName(g, lang)}
            </button>
          ))}
        </div>
        <fieldset className="picker__list">
          <legend className="visually-hidden">{t('pick.districts')}</legend>
          {shown.map((d) => (
            <label key={d.id} className={withData.has(d.id) ? '' : 'picker__nodata'}>
              <input type="checkbox" checked={selected.has(d.id)} onChange={() => toggle(d.id)} id={`${id}-${d.id}`} />
              <span>{districtName(d, lang)}</span>
              {withData.has(d.id) ? null : <span className="picker__tag">{t(otherBasis?.has(d.id) ? 'pick.otherBasis' : 'pick.noData')}</span>}
            </label>
          ))}
          {matching.length > shown.length ? <p className="muted">{t('pick.more', { n: matching.length - shown.length })}</p> : null}
        </fieldset>
      </div>
    </details>
  );
}

export function Segmented<V extends string>(props: {
  label: string;
  value: V;
  options: { value: V; label: string; disabled?: boolean }[];
  onChange: (v: V) => void;
}) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend>{props.label}</legend>
      <div className="segmented__options">
        {props.options.map((o) => (
          <label key={o.value} className={o.value === props.value ? 'is-active' : ''}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={o.value === props.value}
              disabled={o.disabled}
              onChange={() => props.onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A year: typed, picked, or "latest". */
export function YearSelect(props: {
  value: number | 'latest';
  years: number[];
  allowLatest: boolean;
  onChange: (v: number | 'latest') => void;
  t: T;
}) {
  const id = useId();
  return (
    <div className="picker picker--year">
      <label htmlFor={id} className="picker__label">
        {props.t('pick.year')}
      </label>
      <select
        id={id}
        value={String(props.value)}
        onChange={(e) => props.onChange(e.target.value === 'latest' ? 'latest' : Number(e.target.value))}
      >
        {props.allowLatest ? <option value="latest">{props.t('pick.latest')}</option> : null}
        {props.years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
        {typeof props.value === 'number' && !props.years.includes(props.value) ? <option value={props.value}>{props.value}</option> : null}
      </select>
    </div>
  );
}

/** A year range with typed years and a two-handled slider; dragging replaces history, releasing pushes. */
export function YearRange(props: {
  bounds: [number, number];
  from: number | null;
  to: number | null;
  onChange: (from: number | null, to: number | null, how: 'push' | 'replace') => void;
  t: T;
}) {
  const [lo, hi] = props.bounds;
  const from = props.from ?? lo;
  const to = props.to ?? hi;
  const id = useId();
  const drag = useRef<'idle' | 'down' | 'moving'>('idle');
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  const emit = (f: number, tt: number, how: 'push' | 'replace') => {
    const a = clamp(Math.min(f, tt));
    const b = clamp(Math.max(f, tt));
    props.onChange(a === lo ? null : a, b === hi ? null : b, how);
  };
  const typed = (which: 'from' | 'to') => (e: React.ChangeEvent<HTMLInputElement>) => {
    const v = Number(e.target.value);
    if (!/^\d{4}$/.test(e.target.value) || v < lo || v > hi) return;
    emit(which === 'from' ? v : from, which === 'to' ? v : to, 'push');
  };
  if (lo === hi) return null;
  return (
    <fieldset className="year-range">
      <legend>{props.t('pick.range')}</legend>
      <label htmlFor={`${id}-from`}>{props.t('pick.from')}</label>
      <input id={`${id}-from`} type="number" min={lo} max={hi} defaultValue={from} key={`f${from}`} onBlur={typed('from')} onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()} />
      <label htmlFor={`${id}-to`}>{props.t('pick.to')}</label>
      <input id={`${id}-to`} type="number" min={lo} max={hi} defaultValue={to} key={`t${to}`} onBlur={typed('to')} onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLInputElement).blur()} />
      <div className="year-range__sliders">
        {(['from', 'to'] as const).map((which) => (
          <input
            key={which}
            type="range"
            min={lo}
            max={hi}
            value={which === 'from' ? from : to}
            aria-label={props.t(which === 'from' ? 'pick.from' : 'pick.to')}
            onPointerDown={() => (drag.current = 'down')}
            onPointerUp={() => (drag.current = 'idle')}
            onChange={(e) => {
              // The first move of a drag makes one history entry; the rest replace it.
              const how = drag.current === 'moving' ? 'replace' : 'push';
              if (drag.current === 'down') drag.current = 'moving';
              const v = Number(e.target.value);
              emit(which === 'from' ? v : from, which === 'to' ? v : to, how);
            }}
          />
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The basis (denominator) of an indicator, with how many districts report
 * each. Bases are never mixed in one chart or table, so every basis that has
 * values is offered, including values with no basis named.
 */
export function BasisPicker(props: {
  bases: { basis: string; districts: number }[];
  value: string;
  meta: Meta;
  lang: Lang;
  t: T;
  onChange: (basis: string) => void;
}) {
  const { bases, value, meta, lang, t } = props;
  return (
    <Segmented
      label={t('pick.basis')}
      value={value}
      options={bases.map((b) => ({ value: b.basis, label: `${basisLabel(b.basis, bases, meta.basis, lang)} (${b.districts})` }))}
      onChange={props.onChange}
    />
  );
}

// The link format. Version 1 (no `lv` parameter). A link holds only what
// differs from the default view, each parameter is parsed on its own, and a
// malformed one falls back to its default and is reported, never thrown.
// A future format writes `lv=2` and adds a migration from 1 below.
import { DEFAULT_STATE, VIEW_IDS, type ViewId, type ViewState } from './view-state.ts';

export const LINK_VERSION = 1;

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const HEX = /^[0-9a-f]{6,40}$/;
const YEAR = /^\d{4}$/;
const MAX_LIST = 4000;
const MAX_TEXT = 200;
/** How a link writes the empty basis (the plain total as reported). */
const PLAIN_BASIS = '-';

const REF_CODES = { m: 'refMedian', g: 'refGroup', k: 'refRank' } as const;

export interface ParsedLink {
  state: ViewState;
  /** Parameters that were unknown or malformed and fell back to defaults. */
  ignored: string[];
}

/** At most `max` UTF-16 units, never ending in half a surrogate pair. */
function cutText(v: string, max: number): string {
  let out = '';
  for (const ch of v) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

function year(v: string): number | null {
  if (!YEAR.test(v)) return null;
  const n = Number(v);
  return n >= 1949 && n <= 2100 ? n : null;
}

function idList(v: string): string[] | null {
  if (v === '') return [];
  const parts = v.split(',');
  if (parts.length > MAX_LIST || !parts.every((p) => ID.test(p))) return null;
  return [...new Set(parts)];
}

/** Parses a query string (with or without '?'). Never throws. */
export function parseLink(search: string): ParsedLink {
  const state: ViewState = { ...DEFAULT_STATE };
  const ignored: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search.length > 20_000 ? search.slice(0, 20_000) : search);
  } catch {
    return { state, ignored: ['(query)'] };
  }
  const lv = params.get('lv');
  if (lv !== null && lv !== String(LINK_VERSION)) ignored.push('lv');

  for (const [key, raw] of params) {
    const v = raw.trim();
    let ok = true;
    switch (key) {
      case 'lv':
        break;
      case 'view':
        if ((VIEW_IDS as readonly string[]).includes(v)) state.view = v as ViewId;
        else ok = false;
        break;
      case 'lang':
        if (v === 'en' || v === 'zh') state.lang = v;
        else ok = false;
        break;
      case 'ind':
        if (ID.test(v)) state.indicator = v;
        else ok = false;
        break;
      case 'basis':
        if (v === PLAIN_BASIS) state.basis = '';
        else if (ID.test(v)) state.basis = v;
        else ok = false;
        break;
      case 'd': {
        const list = idList(v);
        if (list) state.districts = list;
        else ok = false;
        break;
      }
      case 'chart':
        if (v === 'line' || v === 'bar') state.chart = v;
        else ok = false;
        break;
      case 'year':
        if (v === 'latest') state.year = 'latest';
        else if (year(v) !== null) state.year = year(v)!;
        else ok = false;
        break;
      case 'common':
        if (v === '1' || v === '0') state.common = v === '1';
        else ok = false;
        break;
      case 'from':
      case 'to':
        if (year(v) !== null) state[key] = year(v);
        else ok = false;
        break;
      case 'ref': {
        const codes = v === '' ? [] : v.split(',');
        if (codes.every((c) => Object.hasOwn(REF_CODES, c))) {
          for (const [c, field] of Object.entries(REF_CODES)) state[field] = codes.includes(c);
        } else ok = false;
        break;
      }
      case 'table':
        if (v === 'indicators' || v === 'years') state.tableMode = v;
        else ok = false;
        break;
      case 'sort':
        if (/^[a-z0-9_-]{1,64}:(asc|desc)$/.test(v)) state.sort = v;
        else ok = false;
        break;
      case 'q':
        state.filter = cutText(v, MAX_TEXT);
        break;
      case 'hide': {
        const list = idList(v);
        if (list) state.hidden = list;
        else ok = false;
        break;
      }
      case 'district':
        if (ID.test(v)) state.district = v;
        else ok = false;
        break;
      case 'src':
        if (ID.test(v)) state.source = v;
        else ok = false;
        break;
      case 'obs':
        if (/^[0-9a-z~]{6,24}$/.test(v)) state.obs = v;
        else ok = false;
        break;
      case 'present':
      case 'embed':
      case 'etable':
      case 'imp': {
        if (v !== '1' && v !== '0') {
          ok = false;
          break;
        }
        const field = ({ present: 'present', embed: 'embed', etable: 'embedTable', imp: 'withImported' } as const)[key];
        state[field] = v === '1';
        break;
      }
      case 'v':
        if (HEX.test(v)) state.dataVersion = v;
        else ok = false;
        break;
      default:
        ok = false;
    }
    if (!ok) ignored.push(key);
  }
  if (state.from !== null && state.to !== null && state.from > state.to) {
    [state.from, state.to] = [state.to, state.from];
  }
  return { state, ignored };
}

/** The query string for a state, holding only what differs from the default ('' when nothing does). */
export function serializeLink(state: ViewState): string {
  const d = DEFAULT_STATE;
  const p = new URLSearchParams();
  if (state.view !== d.view) p.set('view', state.view);
  if (state.lang !== d.lang) p.set('lang', state.lang);
  if (state.indicator !== d.indicator) p.set('ind', state.indicator);
  if (state.basis !== null) p.set('basis', state.basis === '' ? PLAIN_BASIS : state.basis);
  if (state.districts !== null) p.set('d', state.districts.join(','));
  if (state.chart !== d.chart) p.set('chart', state.chart);
  if (state.year !== d.year) p.set('year', String(state.year));
  if (state.common !== d.common) p.set('common', state.common ? '1' : '0');
  if (state.from !== null) p.set('from', String(state.from));
  if (state.to !== null) p.set('to', String(state.to));
  if (state.refMedian !== d.refMedian || state.refGroup !== d.refGroup || state.refRank !== d.refRank) {
    p.set('ref', Object.entries(REF_CODES).filter(([, f]) => state[f]).map(([c]) => c).join(','));
  }
  if (state.tableMode !== d.tableMode) p.set('table', state.tableMode);
  if (state.sort !== d.sort) p.set('sort', state.sort);
  if (state.filter !== d.filter) p.set('q', state.filter);
  if (state.hidden.length > 0) p.set('hide', state.hidden.join(','));
  if (state.district !== null) p.set('district', state.district);
  if (state.source !== null) p.set('src', state.source);
  if (state.obs !== null) p.set('obs', state.obs);
  if (state.present) p.set('present', '1');
  if (state.embed) p.set('embed', '1');
  if (state.embedTable) p.set('etable', '1');
  if (state.withImported) p.set('imp', '1');
  if (state.dataVersion !== null) p.set('v', state.dataVersion);
  const s = p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return s === '' ? '' : `?${s}`;
}

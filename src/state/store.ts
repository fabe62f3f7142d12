// The view state store. The URL mirrors it: deliberate changes push a history
// entry, continuous ones (dragging, typing) replace the current one.
import { create } from 'zustand';
import { parseLink, serializeLink } from './url-codec.ts';
import { DEFAULT_STATE, type Lang, type ViewState } from './view-state.ts';

export type HistoryMode = 'push' | 'replace' | 'none';

export const useView = create<ViewState>(() => ({ ...DEFAULT_STATE }));

/** Notices about the link the page was opened with. */
export interface LinkNotices {
  ignored: string[];
  /** Dataset version the link was made with, when it carried one. */
  sharedVersion: string | null;
  sharedWithImported: boolean;
}
export const useLinkNotices = create<LinkNotices>(() => ({ ignored: [], sharedVersion: null, sharedWithImported: false }));

let nextHistory: HistoryMode = 'push';

export function setView(patch: Partial<ViewState>, how: HistoryMode = 'push'): void {
  nextHistory = how;
  useView.setState(patch);
  nextHistory = 'push';
}

const LANG_KEY = 'bvd.lang';

function rememberedLang(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(LANG_KEY);
    return v === 'en' || v === 'zh' ? v : null;
  } catch {
    return null; // storage may be blocked (embeds, private modes)
  }
}

export function rememberLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    /* not remembered; the URL still carries it */
  }
}

/** The state a URL describes, with the remembered language when the URL names none. */
export function stateFromLocation(search: string): { state: ViewState; ignored: string[] } {
  const parsed = parseLink(search);
  const hasLang = new URLSearchParams(search).has('lang');
  if (!hasLang && !parsed.state.embed) {
    const lang = rememberedLang();
    if (lang) parsed.state.lang = lang;
  }
  return parsed;
}

let started = false;

/** Reads the URL into the store and keeps the two in step from then on. */
export function startUrlSync(win: Window = window): void {
  if (started) return;
  started = true;
  const { state, ignored } = stateFromLocation(win.location.search);
  useLinkNotices.setState({
    ignored,
    sharedVersion: state.dataVersion,
    sharedWithImported: state.withImported,
  });
  // The version and imported marks describe the shared link, not the view: drop them once read.
  useView.setState({ ...state, dataVersion: null, withImported: false });
  const url = (s: ViewState) => `${win.location.pathname}${serializeLink(s)}${win.location.hash}`;
  win.history.replaceState(null, '', url(useView.getState()));

  useView.subscribe((s) => {
    const target = url(s);
    const current = `${win.location.pathname}${win.location.search}${win.location.hash}`;
    if (nextHistory === 'none' || target === current) return;
    if (nextHistory === 'replace') win.history.replaceState(null, '', target);
    else win.history.pushState(null, '', target);
  });
  win.addEventListener('popstate', () => {
    setView(stateFromLocation(win.location.search).state, 'none');
  });
}

/** Whether the view shows any of the user's imported observations (the link then says so). */
export function viewHasImported(state: ViewState, imported: { indicator: string; district: string }[]): boolean {
  if (imported.length === 0) return false;
  switch (state.view) {
    case 'compare':
    case 'map':
      return imported.some((o) => o.indicator === state.indicator);
    case 'table':
      return state.tableMode === 'indicators' || imported.some((o) => o.indicator === state.indicator);
    case 'district':
      return imported.some((o) => o.district === state.district);
    case 'coverage':
      return true;
    default:
      return false;
  }
}

/** A permalink to a view: absolute, with language and dataset version, and whether it includes imported data. */
export function permalink(state: ViewState, version: string | null, base: string = window.location.href, withImported = false): string {
  const u = new URL(base);
  const query = serializeLink({ ...state, embed: false, embedTable: false, present: false, dataVersion: version, withImported });
  const params = new URLSearchParams(query);
  params.set('lang', state.lang); // explicit: a remembered preference must not change a shared view
  u.search = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  u.hash = '';
  return u.toString();
}

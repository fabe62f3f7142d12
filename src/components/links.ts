// Links between views are real hrefs (open in a new tab, copy, middle-click)
// that navigate in place when clicked normally.
import { serializeLink } from '../state/url-codec.ts';
import { setView, useView } from '../state/store.ts';
import type { ViewState } from '../state/view-state.ts';

export function viewHref(patch: Partial<ViewState>): string {
  const q = serializeLink({ ...useView.getState(), ...patch });
  return q === '' ? '?' : q;
}

export function sourceLink(source: string, obs: string | null = null): string {
  return viewHref({ view: 'sources', source, obs });
}

/** Patch for opening a source at an observation's quote. */
export function sourcePatch(source: string, obs: string | null): Partial<ViewState> {
  return { view: 'sources', source, obs };
}

export function navigate(e: React.MouseEvent, patch: Partial<ViewState>): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  setView(patch);
  window.scrollTo({ top: 0 });
}

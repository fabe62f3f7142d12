import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useView } from '../state/store.ts';
import { hasMessages, loadMessages, onMessages, translator, type Lang, type T } from './i18n.ts';

export function useLang(): Lang {
  return useView((s) => s.lang);
}

/** The interface text in the page's language (loading English on first use). */
export function useT(): T {
  const lang = useLang();
  const ready = useSyncExternalStore(onMessages, () => hasMessages(lang));
  useEffect(() => {
    if (!ready) void loadMessages(lang);
  }, [lang, ready]);
  return useMemo(() => translator(ready ? lang : 'zh'), [lang, ready]);
}

import { useMemo } from 'react';
import { useView } from '../state/store.ts';
import { translator, type Lang, type T } from './i18n.ts';

export function useLang(): Lang {
  return useView((s) => s.lang);
}

export function useT(): T {
  const lang = useLang();
  return useMemo(() => translator(lang), [lang]);
}

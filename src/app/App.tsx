import { Suspense, useEffect, useRef } from 'react';
import { useLoadError, useManifest, useMeta } from '../dataset/store.ts';
import { useT } from '../i18n/use-t.ts';
import { setView, useView } from '../state/store.ts';
import { EmbedFrame } from './EmbedFrame.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Header } from './Header.tsx';
import { Notices } from './Notices.tsx';
import { VIEWS } from './views.ts';

export function App() {
  const t = useT();
  const view = useView((s) => s.view);
  const lang = useView((s) => s.lang);
  const present = useView((s) => s.present);
  const meta = useMeta();
  const manifest = useManifest();
  const loadError = useLoadError();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${t(VIEWS.find((v) => v.id === view)!.label)} · ${t('app.title')}`;
  }, [lang, view, t]);
  useEffect(() => {
    document.body.classList.toggle('presenting', present);
    if (!present) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setView({ present: false });
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [present]);
  const embed = useView((s) => s.embed);
  // Moving to another view moves keyboard focus to its content, not back to the page's start.
  const shownView = useRef(view);
  useEffect(() => {
    if (shownView.current === view) return;
    shownView.current = view;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [view]);
  const Page = VIEWS.find((v) => v.id === view)!.component;
  const body = loadError ? (
    <p role="alert">{t('app.loadError', { error: loadError })}</p>
  ) : !meta ? (
    <p className="loading" aria-live="polite">
      {t('app.loading')}
    </p>
  ) : (
    <ErrorBoundary resetKey={view} fallback={(e) => <p role="alert">{t('app.viewError', { error: e.message })}</p>}>
      <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
        <Page />
      </Suspense>
    </ErrorBoundary>
  );
  if (embed) return <EmbedFrame>{body}</EmbedFrame>;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {present ? (
          <button type="button" className="button exit-present" onClick={() => setView({ present: false })}>
            {t('export.exitPresent')}
          </button>
        ) : null}
        <Notices />
        {body}
      </main>
      <footer className="site-footer">
        {manifest ? <p>{t('app.dataVersion', { version: manifest.version, date: manifest.dataDate })}</p> : null}
      </footer>
    </>
  );
}

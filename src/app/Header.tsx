import { ViewLink } from '../components/ViewLink.tsx';
import { useT } from '../i18n/use-t.ts';
import { rememberLang, setView, useView } from '../state/store.ts';
import { VIEWS } from './views.ts';

export function Header() {
  const t = useT();
  const view = useView((s) => s.view);
  const lang = useView((s) => s.lang);
  useView((s) => s); // hrefs carry the whole view state
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <header className="site-header">
      <div className="site-header__top">
        <div className="site-header__brand">
          <h1 className="site-header__title">
            <ViewLink to={{ view: 'compare' }}>{t('app.title')}</ViewLink>
          </h1>
          <p className="site-header__tagline">{t('app.tagline')}</p>
        </div>
        <button
          type="button"
          className="button lang-switch"
          lang={other === 'en' ? 'en' : 'zh-CN'}
          aria-label={`${t('app.langSwitch')} – ${t('app.langSwitchLabel')}`}
          onClick={() => {
            rememberLang(other);
            setView({ lang: other });
          }}
        >
          {t('app.langSwitch')}
        </button>
      </div>
      <nav aria-label={t('nav.label')} className="site-nav">
        <ul>
          {VIEWS.map((v) => (
            <li key={v.id}>
              <ViewLink to={{ view: v.id }} aria-current={v.id === view ? 'page' : undefined} className={v.id === view ? 'is-active' : ''}>
                {t(v.label)}
              </ViewLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

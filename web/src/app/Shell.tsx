import type { ReactNode } from 'react';
import { useLocale } from '../i18n/LocaleProvider.js';
import { useMessages } from '../i18n/messages.js';
import { LOCALE_INFO, LOCALES, type Locale } from '../i18n/locales.js';
import { Link } from './router.js';
import { shellMessages } from './shell-messages.js';

const SECTIONS = [
  { to: '/', label: 'navAssistant' },
  { to: '/transparency', label: 'navTransparency' },
  { to: '/review', label: 'navReview' },
  { to: '/governance', label: 'navGovernance' },
  { to: '/developers', label: 'navDevelopers' },
] as const;

const isCurrent = (path: string, to: string) => (to === '/' ? path === '/' : path.startsWith(to));

/** The frame every page shares: skip link, brand, sections, and the language picker. */
export function Shell({ path, children }: { path: string; children: ReactNode }) {
  const t = useMessages(shellMessages);
  const { locale, setLocale } = useLocale();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="brand">
          <span className="brand-name">{t.brand}</span>
          <span className="brand-tagline">{t.tagline}</span>
        </div>
        <nav aria-label={t.mainNavigation} className="site-nav">
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.to}>
                <Link to={section.to} aria-current={isCurrent(path, section.to) ? 'page' : undefined}>
                  {t[section.label]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <label className="language-picker">
          <span>{t.language}</span>
          <select
            value={locale}
            onChange={(event) => setLocale(event.target.value as Locale)}
            data-testid="language-picker"
          >
            {LOCALES.map((code) => (
              <option key={code} value={code} lang={LOCALE_INFO[code].tag}>
                {LOCALE_INFO[code].name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
// The Tifinagh letters only: Latin words in a Tamazight page (names, codes) keep the Latin font and its accents.
import '@fontsource/noto-sans-tifinagh/tifinagh-400.css';
import './styles/base.css';
import { App } from './app/App.js';
import { LocaleProvider } from './i18n/LocaleProvider.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider>
      <App />
    </LocaleProvider>
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startLoading } from './dataset/store.ts';
import { rowsNeeded } from './domain/select.ts';
import { startUrlSync, useView } from './state/store.ts';
import { loadImports } from './dataset/imported-db.ts';
import { hasMessages, loadMessages } from './i18n/i18n.ts';
import './styles/app.css';

startUrlSync();
const opened = useView.getState();
// The rows the opening view draws are asked for before the first render (compare: only what its chart needs).
startLoading(
  opened.view === 'compare'
    ? { indicator: opened.indicator, need: rowsNeeded(opened) }
    : opened.view === 'map' || (opened.view === 'table' && opened.tableMode === 'years')
      ? { indicator: opened.indicator }
      : null,
);
// Embeds render without storage; everywhere else the user's imports join the data.
if (!opened.embed) void loadImports();
// A page opened in English waits for its text rather than showing Chinese first.
if (!hasMessages(opened.lang)) await loadMessages(opened.lang);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

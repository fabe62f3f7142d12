import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startLoading } from './dataset/store.ts';
import { startUrlSync, useView } from './state/store.ts';
import { loadImports } from './dataset/imported-db.ts';
import './styles/app.css';

startUrlSync();
const opened = useView.getState();
// The views that open on one indicator: its rows are asked for before the first render.
startLoading(opened.view === 'compare' || opened.view === 'map' || (opened.view === 'table' && opened.tableMode === 'years') ? opened.indicator : null);
// Embeds render without storage; everywhere else the user's imports join the data.
if (!opened.embed) void loadImports();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startLoading } from './dataset/store.ts';
import { startUrlSync, useView } from './state/store.ts';
import { loadImports } from './dataset/imported-db.ts';
import './styles/app.css';

startUrlSync();
startLoading();
// Embeds render without storage; everywhere else the user's imports join the data.
if (!useView.getState().embed) void loadImports();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

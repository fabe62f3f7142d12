import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startLoading } from './dataset/store.ts';
import { startUrlSync } from './state/store.ts';
import './styles/app.css';

startUrlSync();
startLoading();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

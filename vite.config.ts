import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative asset paths: the built dist/ works from any sub-path of a static host.
  base: './',
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false },
});

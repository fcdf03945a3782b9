/**
 * @module Build of the web UI. The server serves `dist/web` at `/` with an SPA fallback, so the
 * base is `/` and client-side routes use real paths.
 */
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server of `npm start`; the dev server forwards to it so cookies stay same-origin.
const API_TARGET = 'http://127.0.0.1:8080';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  resolve: {
    // Every `zod` import goes through the module that sets jitless first (see web/src/setup/zod.ts):
    // the CSP allows no eval, and zod would otherwise probe `new Function` as schemas are built.
    alias: [{ find: /^zod$/, replacement: path.resolve(import.meta.dirname, 'src/setup/zod.ts') }],
  },
  build: {
    outDir: path.resolve(import.meta.dirname, '../dist/web'),
    emptyOutDir: true,
    // Field laptops and satellite links: keep the first load small and cacheable.
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: a separate chunk stays cached across releases.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': API_TARGET,
      '/log': API_TARGET,
      '/healthz': API_TARGET,
    },
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app is built into dist/web and served by the API server on the same port.
export default defineConfig(({ command }) => {
  // A build is always the production bundle, even when started from a test run (Vitest sets NODE_ENV=test).
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: 'src/web',
    cacheDir: '../../node_modules/.vite',
    plugins: [react()],
    build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
    server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
  };
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { pwa } from './pwa/pwa-plugin';

// The API serves this build at `/` on its own origin, so API calls stay relative (`/api/...`).
export default defineConfig({
  base: '/',
  plugins: [
    react(),
    pwa({
      name: 'Tally — your points',
      shortName: 'Tally',
      description: 'Your loyalty card, points and rewards.',
      themeColor: '#0b5cad',
      startUrl: '/',
    }),
  ],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  preview: { port: 4173, strictPort: true },
  build: { target: 'es2022' },
});

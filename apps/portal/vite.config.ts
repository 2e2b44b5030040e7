import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves this build at `/` on its own origin, so API calls stay relative (`/api/...`).
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  preview: { port: 4173, strictPort: true },
  build: { target: 'es2022' },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves this build at `/console/` on its own origin, so API calls stay relative (`/api/...`).
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  server: {
    port: 5174,
    strictPort: true,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  preview: { port: 4174, strictPort: true },
  build: { target: 'es2022' },
});

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

const HUB = 'http://localhost:8000';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: 'dist' },
  server: {
    proxy: {
      '/api': HUB,
      '/healthz': HUB,
      '/ws': { target: HUB, ws: true },
    },
  },
});

/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Tandem server the dev server proxies to (TANDEM_API overrides, e.g. http://127.0.0.1:18080).
const server = process.env.TANDEM_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    // Small assets inline; nothing is fetched from another origin.
    assetsInlineLimit: 4096,
    reportCompressedSize: true,
    rollupOptions: {
      output: {
        // Name chunks after their package (e.g. "codemirror-lang-python") rather than "dist".
        chunkFileNames: (chunk) => {
          const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(chunk.facadeModuleId ?? '');
          const name = m?.[1] !== undefined ? m[1].replace(/^@/, '').replace('/', '-') : chunk.name;
          return `assets/${name}-[hash].js`;
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/healthz': { target: server, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/healthz': { target: server, changeOrigin: false },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});

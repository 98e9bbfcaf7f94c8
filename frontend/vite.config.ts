/// <reference types="vitest/config" />
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    react(),
    {
      // Writes a .br and a .gz beside every text file of the build worth compressing, at the
      // highest levels (once at build, not per request); the backend sends them to browsers that
      // accept them (Spring's EncodedResourceResolver, backend web/SinglePageApp.java).
      name: 'passerelle-precompress',
      apply: 'build',
      writeBundle(options, bundle) {
        for (const fileName of Object.keys(bundle)) {
          if (!/\.(js|mjs|css|html|svg|json|txt)$/.test(fileName)) continue;
          const path = join(options.dir ?? 'dist', fileName);
          const content = readFileSync(path);
          if (content.length < 1024) continue;
          writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
          const params = {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          };
          writeFileSync(`${path}.br`, brotliCompressSync(content, { params }));
        }
      },
    },
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    // `npm run dev` serves the app on :5173 and hands the API (and the silent sign-in check's page)
    // to the backend on :8080.
    proxy: { '/api': 'http://localhost:8080', '/silent-check-sso.html': 'http://localhost:8080' },
  },
  build: {
    // bpmn-js and form-js are split into chunks of their own, loaded only on the pages that draw them.
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
  },
});

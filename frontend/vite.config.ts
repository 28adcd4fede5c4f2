import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const sharedEntry = decodeURIComponent(new URL('../shared/src/index.ts', import.meta.url).pathname);

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The contract's TypeScript source, not its CommonJS build: one definition, bundled as ESM.
    alias: { '@hamgam/shared': sharedEntry },
  },
  server: {
    proxy: {
      // SSE goes through the same proxy; http-proxy streams the response as it arrives.
      // The Host header stays the dev server's, so the API's same-origin check on writes sees the browser's Origin
      // match it (with changeOrigin the Host would be localhost:3000 and every write a 403).
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // Dates in the tests are local times; pin the zone the e2e suite uses too.
    env: { TZ: 'Asia/Tehran' },
    restoreMocks: true,
    // Above the testing library's 4 s wait (src/testing/setup.ts), so a missing element fails with its own message.
    testTimeout: 15_000,
    unstubGlobals: true,
  },
});

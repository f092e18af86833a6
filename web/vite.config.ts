import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { routeTable } from '../core/api/route-table.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const routeTableFile = fileURLToPath(new URL('../core/api/route-table.ts', import.meta.url));

/**
 * core/api/route-table.ts evaluated at build time: the client needs each operation's method and path, and
 * computing them in the browser would load the whole zod contract (core/api/routes.ts) first.
 */
function precomputedRouteTable(): Plugin {
  return {
    name: 'verity:route-table',
    enforce: 'pre',
    load(id) {
      if (id.split('?')[0] !== routeTableFile) return undefined;
      return `export const routeTable = ${JSON.stringify(routeTable)};\n`;
    },
  };
}

// The browser app: built into web/dist and served by the Verity server from the same port.
export default defineConfig({
  root,
  plugins: [precomputedRouteTable(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // No inline scripts or modulepreload polyfill: the CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where the dev server sends API calls: the resale-kit-server started by `pnpm dev`. */
const apiTarget = process.env.RESALE_KIT_API ?? 'http://127.0.0.1:3001';

const proxied = { target: apiTarget, changeOrigin: true };
/** The dev server's port (`DEMO_PORT=5180 pnpm dev`); strict, so a taken port is an error. */
const port = Number(process.env.DEMO_PORT ?? 5173);

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port,
    strictPort: true,
    proxy: { '/trpc': proxied, '/healthz': proxied, '/demo': proxied },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: { '/trpc': proxied, '/healthz': proxied, '/demo': proxied },
  },
});

// The browser bundle: React, and core for recomputing as the user types. `npm run build` writes
// dist/, which `parley serve` serves at `/`; in development, `npx vite` proxies /api to a server.
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  resolve: { mainFields: ['module', 'browser', 'main'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': process.env.PARLEY_API ?? 'http://127.0.0.1:8080' } },
})

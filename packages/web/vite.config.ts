// The browser bundle: React, and core for recomputing as the user types. `npm run build` writes
// dist/, which `parley serve` serves at `/`; in development, `npx vite` proxies /api to a server.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const OUT_DIR = 'dist'
/** Files worth compressing: text. Source maps are left out (served, if at all, to developers). */
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|txt)$/
/** Below this size the coding saves less than its headers cost. */
const MIN_BYTES = 1024

/**
 * Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside each built text file,
 * once, so the server sends the smallest coding a browser takes without compressing per request.
 */
function precompress(): Plugin {
  let outDir = OUT_DIR
  return {
    name: 'parley-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })).filter((name) => COMPRESSIBLE.test(name))
      await Promise.all(
        files.map(async (name) => {
          const path = join(outDir, name)
          const bytes = await readFile(path)
          if (bytes.length < MIN_BYTES) return
          const [br, gz] = await Promise.all([
            promisify(brotliCompress)(bytes, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 11,
                [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
              },
            }),
            promisify(gzip)(bytes, { level: 9 }),
          ])
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)])
        }),
      )
    },
  }
}

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: { mainFields: ['module', 'browser', 'main'] },
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    // Maps are written but named by no comment in the scripts: the server refuses `.map` unless
    // PARLEY_SERVE_SOURCE_MAPS is set, and then names each script's map in a SourceMap header.
    sourcemap: 'hidden',
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': process.env.PARLEY_API ?? 'http://127.0.0.1:8080' } },
})

import react from '@vitejs/plugin-react'
import { createHash } from 'node:crypto'
import { defineConfig, type Plugin } from 'vite'
import { precacheList } from './src/offline/serviceWorker/cacheRules.ts'

// In development the Vite server owns the page and hands everything else to the Werkplaats server, so the
// browser still talks to one origin, as in production where the server serves the built client itself.
const serverUrl = `http://localhost:${process.env.PORT ?? '8080'}`

/** The service worker's file, at the root so that its scope is the whole app. */
const WORKER_FILE = 'sw.js'

/**
 * The service worker (`src/offline/serviceWorker/worker.ts`) is built as a second entry of the same build and
 * then told what to precache: every file this build emitted, and a version made of that list.
 */
function precacheServiceWorker(): Plugin {
  return {
    name: 'werkplaats:precache-service-worker',
    apply: 'build',
    // After Vite's own plugins, so that index.html is in the bundle too.
    enforce: 'post',
    generateBundle(_options, bundle) {
      const worker = bundle[WORKER_FILE]
      if (worker?.type !== 'chunk') throw new Error(`the build made no ${WORKER_FILE}`)
      if (worker.imports.length > 0) throw new Error(`${WORKER_FILE} must stand alone, it imports ${worker.imports}`)
      const files = precacheList(Object.keys(bundle), WORKER_FILE)
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16)
      const fill = (code: string, placeholder: string, value: string) => {
        const pattern = new RegExp(`(["'\`])${placeholder}\\1`)
        if (!pattern.test(code)) throw new Error(`${WORKER_FILE}: no ${placeholder} to fill in`)
        return code.replace(pattern, () => JSON.stringify(value))
      }
      worker.code = fill(
        fill(worker.code, '__WERKPLAATS_PRECACHE__', JSON.stringify(files)),
        '__WERKPLAATS_VERSION__',
        version,
      )
    },
  }
}

export default defineConfig({
  plugins: [react(), precacheServiceWorker()],
  resolve: {
    // Two copies of Yjs in one page break its constructor checks ("Yjs was already imported").
    dedupe: ['yjs', 'react', 'react-dom'],
  },
  optimizeDeps: {
    // Its `?url` imports (fonts, icons, translations) are for Vite's asset pipeline, not the dev pre-bundler.
    exclude: ['@tldraw/assets'],
  },
  server: {
    proxy: {
      '/yjs': { target: serverUrl, ws: true },
      '/api': serverUrl,
      '/healthz': serverUrl,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // tldraw is one large library; a warning about it on every build says nothing new.
    chunkSizeWarningLimit: 4096,
    // tldraw fetches its translations; small ones Vite would inline as `data:` URLs, which the page's
    // Content-Security-Policy (`connect-src 'self'`) does not let it fetch. As files they come from our origin.
    assetsInlineLimit: (file) => (file.endsWith('.json') ? false : undefined),
    rolldownOptions: {
      input: { index: 'index.html', sw: 'src/offline/serviceWorker/worker.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? WORKER_FILE : 'assets/[name]-[hash].js'),
      },
    },
  },
})

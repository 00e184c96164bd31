import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// In development the Vite server owns the page and hands everything else to the Werkplaats server, so the
// browser still talks to one origin, as in production where the server serves the built client itself.
const serverUrl = `http://localhost:${process.env.PORT ?? '8080'}`

export default defineConfig({
  plugins: [react()],
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
  },
})

import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The server sends `Content-Security-Policy: default-src 'self'`, so no
// <style> element may be added at run time. Ant Design's CSS-in-JS (and
// rc-util's scroll locking and scrollbar measuring) all go through one module,
// rc-util/es/Dom/dynamicCSS; this plugin swaps it for src/csp/dynamicCSS.ts,
// which puts the same CSS into constructable style sheets
// (document.adoptedStyleSheets). Those are CSSOM, which CSP allows.
const shim = fileURLToPath(new URL('./src/csp/dynamicCSS.ts', import.meta.url));
function cspSafeDynamicCss(): Plugin {
  return {
    name: 'mandate-csp-dynamic-css',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/Dom\/dynamicCSS(\.js)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (resolved && /rc-util[\\/](es|lib)[\\/]Dom[\\/]dynamicCSS\.js$/.test(resolved.id)) return shim;
      return null;
    },
  };
}

export default defineConfig({
  plugins: [cspSafeDynamicCss(), react()],
  optimizeDeps: { exclude: ['rc-util', '@ant-design/cssinjs', '@rc-component/portal'] },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 3000,
    rollupOptions: {
      output: {
        manualChunks: {
          react: ['react', 'react-dom', 'react-router-dom'],
          antd: ['antd', '@ant-design/icons'],
          echarts: ['echarts'],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
} as any);

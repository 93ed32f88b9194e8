// Vite plugin, preview only: `vite preview` answers like the static hosts the guide is made for
// (docs/hosting.md): an address with a page of its own gets it (a folder's index.html), the same
// address without its final slash is redirected to it, and anything else gets 404.html with the
// status 404 (Vite's own preview would send the first page, or an empty 404).
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function staticHost(): Plugin {
  return {
    name: 'myna:static-host',
    configurePreviewServer(server) {
      const dist = path.resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        const url = new URL(req.url ?? '/', 'http://host');
        let pathname: string | null;
        try {
          pathname = decodeURIComponent(url.pathname);
        } catch {
          pathname = null;
        }
        const file = pathname === null ? '' : path.join(dist, pathname);
        if (pathname !== null && file.startsWith(dist)) {
          if (pathname.endsWith('/') ? isFile(path.join(file, 'index.html')) : isFile(file)) return next();
          if (!pathname.endsWith('/') && isFile(path.join(file, 'index.html'))) {
            res.statusCode = 301;
            res.setHeader('Location', `${url.pathname}/${url.search}`);
            res.end();
            return;
          }
        }
        const notFound = path.join(dist, '404.html');
        res.statusCode = 404;
        if (!isFile(notFound)) return res.end();
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(req.method === 'HEAD' ? undefined : fs.readFileSync(notFound));
      });
    },
  };
}

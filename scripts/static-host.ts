// Vite plugin, preview only: `vite preview` answers like the static hosts the guide is made for
// (docs/hosting.md): an address with a page of its own gets it (a folder's index.html), the same
// address without its final slash is redirected to it, and anything else gets 404.html with the
// status 404 (Vite's own preview would send the first page, or an empty 404).
//
// Only a plain address reaches a file: the raw request path (before any decoding) must be one
// absolute path with no empty, "." or ".." segment, no encoded or back slash, nothing that decodes
// badly. Anything else (`//lost`, `/.//lost`, `/..`, `/%2e%2e/`, `/assets%2Findex.js`, an
// absolute-form `http://other/…`) is a 404 here, never handed to Vite's static server (whose
// fallback answers the first page with 200) and never echoed into a Location: a redirect is built
// only from a path checked that way, so it always stays on the site.
import fs from 'node:fs';
import path from 'node:path';
import type { Connect, Plugin } from 'vite';

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The decoded path of a raw request path when it is a plain one, else null. */
export function plainPath(rawPath: string): string | null {
  if (!rawPath.startsWith('/') || rawPath.startsWith('//')) return null;
  if (/%2f|%5c|\\/i.test(rawPath)) return null; // an encoded slash or a backslash
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(decoded)) return null;
  // No //, /./ or /../ anywhere, raw or decoded (%2e%2e is "..").
  if (path.posix.normalize(decoded) !== decoded) return null;
  return decoded;
}

export type Answer =
  | { kind: 'file' } // a file of dist/ (or a folder's index.html): Vite's static server sends it
  | { kind: 'redirect'; location: string }
  | { kind: 'notFound' };

/** What the host answers for a raw request target (`/change/yes?mode=shop`). */
export function answer(dist: string, target: string): Answer {
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  const search = q < 0 ? '' : target.slice(q);
  const pathname = plainPath(rawPath);
  if (pathname === null) return { kind: 'notFound' };
  const root = path.resolve(dist);
  const file = path.join(root, pathname);
  // Inside dist/ and nowhere else: the folder itself or below it (a separator, so that a sibling
  // dist-other/ does not count).
  if (file !== root && !file.startsWith(root + path.sep)) return { kind: 'notFound' };
  if (pathname.endsWith('/')) return isFile(path.join(file, 'index.html')) ? { kind: 'file' } : { kind: 'notFound' };
  if (isFile(file)) return { kind: 'file' };
  // rawPath is a checked plain path (one leading slash): the Location stays on the site.
  if (isFile(path.join(file, 'index.html'))) return { kind: 'redirect', location: `${rawPath}/${search}` };
  return { kind: 'notFound' };
}

export function staticHost(): Plugin {
  return {
    name: 'myna:static-host',
    configurePreviewServer(server) {
      const dist = path.resolve(server.config.root, server.config.build.outDir);
      const middleware: Connect.NextHandleFunction = (req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        const a = answer(dist, req.url ?? '/');
        if (a.kind === 'file') return next();
        if (a.kind === 'redirect') {
          res.statusCode = 301;
          res.setHeader('Location', a.location);
          res.end();
          return;
        }
        const notFound = path.join(dist, '404.html');
        res.statusCode = 404;
        if (!isFile(notFound)) return res.end();
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(req.method === 'HEAD' ? undefined : fs.readFileSync(notFound));
      };
      server.middlewares.use(middleware);
    },
  };
}

// Vite plugin: the two web app manifests, written from the content (content/ja/ui.json), so the
// installed app's name is the guide's name wherever that is edited.
// - /manifest.webmanifest: the guide, starting at the first question;
// - /manifest-shop.webmanifest: the same guide installed from shop mode, starting in shop mode
//   (its own id, so a tablet can hold it next to the other). main.tsx points the page's
//   <link rel="manifest"> at it when the page is in shop mode, so "Install" / "Add to Home
//   screen" from a shop-mode page installs the shop-mode app.
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

type Ui = { names: { guide: string }; meta: { description: string }; shop: { badge: string } };

export const MANIFESTS = { guide: 'manifest.webmanifest', shop: 'manifest-shop.webmanifest' } as const;

export function manifests(root: string): Record<string, string> {
  const ui = JSON.parse(fs.readFileSync(path.join(root, 'content/ja/ui.json'), 'utf8')) as Ui;
  const icons = [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ];
  const common = {
    lang: 'ja',
    dir: 'ltr',
    description: ui.meta.description,
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0031d8',
    icons,
  };
  const guide = { id: '/', name: ui.names.guide, short_name: ui.names.guide, start_url: '/', ...common };
  const shop = {
    id: '/?mode=shop',
    name: `${ui.names.guide}（${ui.shop.badge}）`,
    short_name: ui.names.guide,
    start_url: '/?mode=shop',
    ...common,
  };
  return {
    [MANIFESTS.guide]: `${JSON.stringify(guide, null, 2)}\n`,
    [MANIFESTS.shop]: `${JSON.stringify(shop, null, 2)}\n`,
  };
}

export function webManifests(): Plugin {
  let root = process.cwd();
  return {
    name: 'myna:web-manifests',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = req.url?.split('?')[0]?.slice(1) ?? '';
        const files = manifests(root);
        if (!(name in files)) return next();
        res.setHeader('Content-Type', 'application/manifest+json');
        res.end(files[name]);
      });
    },
    generateBundle() {
      if (this.environment.config.build.ssr) return;
      for (const [fileName, source] of Object.entries(manifests(root)))
        this.emitFile({ type: 'asset', fileName, source });
    },
  };
}

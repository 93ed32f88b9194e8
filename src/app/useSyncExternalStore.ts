// react-i18next imports `use-sync-external-store/shim`, a polyfill for React before 18. React 19
// has the hook itself, so vite.config.ts points that import here: the same hook, 0.6 KB gzip less
// on the first screen than the shim (which only checks for React's and hands it over).
export { useSyncExternalStore } from 'react';

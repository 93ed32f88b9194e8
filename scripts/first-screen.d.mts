export declare const BUDGET: { js: number; css: number };
export type FirstScreenFile = { file: string; kind: 'js' | 'css'; name: string; bytes: number; gzip: number };
export declare function gzip9(buf: Uint8Array): number;
export declare function htmlAssets(html: string): string[];
export declare function firstScreen(dir: string): { files: FirstScreenFile[]; js: number; css: number; html: number };
export declare function lazyChunks(dir: string): string[];

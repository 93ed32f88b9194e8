// Every source's whole entry (publisher, tier, how the page was seen, the date), for the outcome
// screen's official pages and the evidence boxes: lazy chunks only. The first screen's table of
// links (src/content/sources.ts) carries only what a link needs (scripts/lean-sources.ts).
// Read as text: a plain import of the file would put it all in the first screen.
import sourcesText from '../../content/sources.json?raw';
import type { SourceEntry } from './sources';

export const sourceEntries = JSON.parse(sourcesText) as Record<string, SourceEntry>;

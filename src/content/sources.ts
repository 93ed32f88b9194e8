// The sources registry (content/sources.json), on its own so that the first screen (whose help
// texts link sources) does not pull in the outcomes' structure (src/content/outcomes.ts), which belongs to
// the lazy outcome chunk.
//
// content/sources.json holds every page the evidence register (content/facts.json) rests on:
// official pages, which the guide links, and municipal, carrier, press, blog and third-party pages,
// which are evidence only and never links (docs/evidence.md). The app needs only the pages it can
// link, so it imports those by name: the bundler then leaves the rest of the file out of the first
// screen (tests/unit/budget.test.ts). tests/unit/facts.test.ts checks that LINKABLE below names
// exactly the official sources with a title.
import { L1, L2, L4, L6, M0209, S1, S2, S3, S4, S5, S6, S7, S8, S20, S40, S41 } from '../../content/sources.json';

/** Who publishes a source. Only "official" pages may be linked; the rest are evidence only. */
export type Tier = 'official' | 'municipal' | 'carrier' | 'press' | 'blog' | 'third-party';

/** How much of the page the research saw (only "live" means someone opened the real page). */
export type Seen = 'live' | 'stored-copy' | 'partly-read' | 'title-only';

/** Any entry of content/sources.json (src/content/schema.ts sourceSchema is the rule). */
export type SourceEntry = {
  publisher: string;
  /** The page's own title; absent where the research did not see it. */
  title?: string;
  /** Absent for sources seen only as a copy elsewhere; then `where` says where. */
  url?: string;
  where?: string;
  tier: Tier;
  checked: string;
  seen: Seen;
  /** A caveat about the page or about this entry (read by title only, address presumed…). */
  note?: string;
  /** The same page in another language, by language: { "en": "S2" } links S2 on English pages. */
  alternates?: Record<string, string>;
};

/** A page the guide may link to: an official source with a title and an allowlisted https URL. */
export type Source = SourceEntry & { tier: 'official'; title: string; url: string };

/** One entry of content/facts.json (src/content/schema.ts factSchema is the rule). */
export type Fact = {
  source: string;
  quotes: string[];
  rating: 'high' | 'medium' | 'low';
  seen: Seen;
  date: string;
  published?: string;
  says: string;
};

const LINKABLE: Record<string, unknown> = {
  S1,
  S2,
  S3,
  S4,
  S5,
  S6,
  S7,
  S8,
  S20,
  S40,
  S41,
  M0209,
  L1,
  L2,
  L4,
  L6,
};

/**
 * The official sources, by id: the only ones a step, a note or a source tag (<s1>) can link. In the
 * built app each entry holds only its link (scripts/lean-sources.ts); the whole entries are in
 * src/content/sourceDetails.ts.
 */
export const sources = LINKABLE as Record<string, Pick<Source, 'url' | 'title' | 'alternates'>>;

/** The source to link for `id` on a page in `lang`: the same official page in that language, if there is one. */
export function sourceIn(id: string, lang: string): string {
  return sources[id]?.alternates?.[lang] ?? id;
}

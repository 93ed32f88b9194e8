// `npm run check-sources`: a watch on the official pages the guide cites (content/sources.json).
// Every source with a URL is fetched once (one retry at most) and given one status:
//   ok, moved (3xx), gone (404/410), title changed, quote missing (a quote of content/facts.json
//   no longer on the page), unreadable (timeout, DNS, TLS, other HTTP status).
// Exit code: 0 when every source is ok, 1 when anything drifted or could not be read, 2 on bad usage.
// docs/check-sources.md says what to do when a source drifts. The logic is in the exported
// functions so tests/unit/check-sources.test.ts can run it against a local server.
import { dirname, join } from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Status = 'ok' | 'moved' | 'gone' | 'title changed' | 'quote missing' | 'unreadable' | 'skipped';

export interface Source {
  id: string;
  title?: string;
  url?: string;
  /** Where a source without a URL was seen (a printed leaflet, a page source on GitHub…). */
  where?: string;
  seen?: string;
}

export interface Quote {
  fact: string;
  text: string;
}

export interface Result {
  id: string;
  url?: string;
  status: Status;
  /** One line for a person: the Location, the new title, the missing fact ids, the error. */
  detail: string;
  httpStatus?: number;
  location?: string;
  pageTitle?: string;
  missingQuotes?: Quote[];
}

export interface Options {
  /** Per request, in ms. */
  timeout: number;
  concurrency?: number;
}

export const DEFAULT_TIMEOUT = 15_000;
const CONCURRENCY = 4;
const USER_AGENT =
  'myna-phone-guide-check-sources/0.1 (weekly link check of the official pages cited by the myna-phone-guide project; one request per page)';

// ---------------------------------------------------------------------------------------------
// Text: normalising, decoding, extracting

/** NFKC (full-width letters and the ideographic space become half-width), whitespace collapsed. */
export function normalise(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * The form two texts are compared in. Whitespace is dropped, not collapsed: pages break Japanese
 * lines anywhere and split words with inline tags, which would otherwise put a space mid-word.
 * Case is folded so an English heading that changes case only is not reported.
 */
const comparable = (s: string) => normalise(s).replace(/\s/g, '').toLowerCase();

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/** Text of an HTML fragment: tags become spaces, entities are decoded. */
const fragmentText = (html: string) => normalise(decodeEntities(html.replace(/<[^>]*>/g, ' ')));

/**
 * The body decoded with the charset from the Content-Type header, else from <meta charset> or
 * <meta http-equiv="Content-Type">, else UTF-8. Older official pages are Shift_JIS or EUC-JP.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const charset =
    /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ??
    'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8'); // a label TextDecoder does not know: UTF-8 is the best guess
  }
  return decoder.decode(bytes);
}

/** The page's <title> and first <h1>, as text. */
export function extractTitles(html: string): { title?: string; h1?: string } {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  return {
    title: title === undefined ? undefined : fragmentText(title),
    h1: h1 === undefined ? undefined : fragmentText(h1),
  };
}

/** What a reader sees: no scripts, styles, templates or comments, tags stripped, entities decoded. */
export function visibleText(html: string): string {
  return fragmentText(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<head\b[\s\S]*?<\/head\s*>/i, ' '),
  );
}

/** Whether the recorded title is still in the page's <title> or first <h1>. */
export function titleMatches(recorded: string, html: string): boolean {
  const want = comparable(recorded);
  const { title, h1 } = extractTitles(html);
  return [title, h1].some((t) => t !== undefined && comparable(t).includes(want));
}

/**
 * The quotes not found in the text. A quote may leave words out with "…" (or "..."): each part
 * must then be on the page.
 */
export function missingQuotes(quotes: readonly Quote[], text: string): Quote[] {
  const page = comparable(text);
  return quotes.filter((q) =>
    q.text
      .normalize('NFKC')
      .split(/\.{3,}/)
      .map(comparable)
      .filter(Boolean)
      .some((part) => !page.includes(part)),
  );
}

// ---------------------------------------------------------------------------------------------
// Fetching and classifying

/** One line for a failed request: never a stack trace. */
export function describeError(err: unknown, timeout: number): string {
  const e = err as {
    name?: string;
    message?: string;
    code?: string;
    cause?: { code?: string; hostname?: string; message?: string };
  };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `timeout: no answer within ${timeout} ms`;
  const code = e?.cause?.code ?? e?.code;
  const host = e?.cause?.hostname ? ` ${e.cause.hostname}` : '';
  const oneLine = (s: string | undefined) => (s ?? String(err)).split('\n')[0]!.slice(0, 200);
  if (code && /^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NONAME|EAI_NODATA)$/.test(code)) return `DNS error (${code}${host})`;
  if (code && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO/i.test(code)) return `TLS error (${code})`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return 'timeout: could not connect';
  if (code) return `network error (${code})`;
  return `network error (${oneLine(e?.cause?.message ?? e?.message)})`;
}

interface Answer {
  status: number;
  location: string | null;
  contentType: string | null;
  body?: Uint8Array;
}

async function fetchOnce(url: string, timeout: number): Promise<Answer> {
  // One signal covers the whole request, body included: a server that sends headers and then
  // stalls must time out too.
  const signal = AbortSignal.timeout(timeout);
  const res = await fetch(url, {
    redirect: 'manual', // a redirect is news (the page moved), not something to follow silently
    signal,
    headers: {
      'user-agent': USER_AGENT,
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
      'accept-language': 'ja,en;q=0.5',
    },
  });
  const ok = res.status >= 200 && res.status < 300;
  const body = ok ? new Uint8Array(await res.arrayBuffer()) : undefined;
  if (!ok) await res.body?.cancel().catch(() => {}); // free the connection; the body is not needed
  return {
    status: res.status,
    location: res.headers.get('location'),
    contentType: res.headers.get('content-type'),
    body,
  };
}

const worthRetrying = (a: Answer | Error) => a instanceof Error || a.status >= 500 || a.status === 429;

/** Fetches one source and says how it stands. Never throws. */
export async function checkSource(source: Source, quotes: readonly Quote[], options: Options): Promise<Result> {
  const { timeout } = options;
  const base = { id: source.id, url: source.url };
  if (!source.url)
    return { ...base, status: 'skipped', detail: `no URL${source.where ? ` (${normalise(source.where)})` : ''}` };
  const url = source.url;

  const attempt = () => fetchOnce(url, timeout).catch((err: unknown) => new Error(describeError(err, timeout)));
  let answer = await attempt();
  if (worthRetrying(answer)) {
    // One retry, after a pause, for what is often a passing hiccup (a timeout, a 503).
    await new Promise((r) => setTimeout(r, Math.min(500, timeout / 3)));
    answer = await attempt();
  }

  if (answer instanceof Error) return { ...base, status: 'unreadable', detail: answer.message };
  const { status } = answer;
  if (status >= 300 && status < 400) {
    const location = answer.location ? new URL(answer.location, url).href : undefined;
    return {
      ...base,
      status: 'moved',
      httpStatus: status,
      location,
      detail: `HTTP ${status} → ${location ?? '(no Location header)'}`,
    };
  }
  if (status === 404 || status === 410)
    return { ...base, status: 'gone', httpStatus: status, detail: `HTTP ${status}` };
  if (!answer.body) return { ...base, status: 'unreadable', httpStatus: status, detail: `HTTP ${status}` };

  const html = decodeHtml(answer.body, answer.contentType);
  const { title, h1 } = extractTitles(html);
  const pageTitle = title || h1;
  if (source.title && !titleMatches(source.title, html)) {
    return {
      ...base,
      status: 'title changed',
      httpStatus: status,
      pageTitle,
      detail: `now "${pageTitle ?? '(no <title> or <h1>)'}"`,
    };
  }
  // A source seen by its title only was never read: there is nothing of it to look for.
  const missing = source.seen === 'title-only' ? [] : missingQuotes(quotes, visibleText(html));
  if (missing.length) {
    const facts = [...new Set(missing.map((q) => q.fact))].join(', ');
    return {
      ...base,
      status: 'quote missing',
      httpStatus: status,
      pageTitle,
      missingQuotes: missing,
      detail: `facts ${facts}`,
    };
  }
  return { ...base, status: 'ok', httpStatus: status, pageTitle, detail: '' };
}

/**
 * checkSource with a deadline of 3 × timeout (two attempts and a pause fit in it), so that no
 * source can hold the run, whatever the server or the network does.
 */
export function checkSourceWithDeadline(source: Source, quotes: readonly Quote[], options: Options): Promise<Result> {
  const deadline = options.timeout * 3;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Result>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          id: source.id,
          url: source.url,
          status: 'unreadable',
          detail: `timeout: no result within ${deadline} ms`,
        }),
      deadline,
    );
  });
  const checked = checkSource(source, quotes, options).catch((err: unknown): Result => ({
    id: source.id,
    url: source.url,
    status: 'unreadable',
    detail: describeError(err, options.timeout),
  }));
  return Promise.race([checked, late]).finally(() => clearTimeout(timer));
}

/** Every source, a few at a time (official servers are small; be polite), in the file's order. */
export async function checkAll(
  sources: readonly Source[],
  quotes: ReadonlyMap<string, Quote[]>,
  options: Options,
): Promise<Result[]> {
  const results: Result[] = Array.from({ length: sources.length });
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const i = next++;
      const s = sources[i]!;
      results[i] = await checkSourceWithDeadline(s, quotes.get(s.id) ?? [], options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? CONCURRENCY, sources.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Reading the content files. Both are being extended; read only what is needed and tolerate the
// rest (a wrapper object, missing fields, a quote given as one string).

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

export function parseSources(json: unknown): Source[] {
  const map = isObject(json) && isObject(json.sources) ? json.sources : json;
  if (!isObject(map)) throw new Error('sources file: expected an object of id → source');
  return Object.entries(map)
    .filter(([, v]) => isObject(v))
    .map(([id, v]) => {
      const s = v as Record<string, unknown>;
      return { id, title: str(s.title), url: str(s.url), where: str(s.where), seen: str(s.seen) };
    });
}

/** Quotes by source id. */
export function parseFacts(json: unknown): Map<string, Quote[]> {
  const raw = isObject(json) && 'facts' in json ? json.facts : json;
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((f, i) => [str((f as { id?: unknown })?.id) ?? String(i), f])
    : isObject(raw)
      ? Object.entries(raw)
      : [];
  const bySource = new Map<string, Quote[]>();
  for (const [fact, f] of entries) {
    if (!isObject(f)) continue;
    const source = str(f.source);
    const quotes = typeof f.quotes === 'string' ? [f.quotes] : Array.isArray(f.quotes) ? f.quotes : [];
    if (!source) continue;
    for (const q of quotes) {
      if (typeof q !== 'string' || !q.trim()) continue;
      if (!bySource.has(source)) bySource.set(source, []);
      bySource.get(source)!.push({ fact, text: q });
    }
  }
  return bySource;
}

// ---------------------------------------------------------------------------------------------
// Reporting

const DRIFT: readonly Status[] = ['moved', 'gone', 'title changed', 'quote missing', 'unreadable'];

export function counts(results: readonly Result[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const r of results) c[r.status] = (c[r.status] ?? 0) + 1;
  return c;
}

export function formatTable(results: readonly Result[]): string {
  const idW = Math.max(2, ...results.map((r) => r.id.length));
  const stW = Math.max(6, ...results.map((r) => r.status.length));
  const lines = results.map((r) =>
    `${r.id.padEnd(idW)}  ${r.status.padEnd(stW)}  ${r.detail || r.url || ''}`.trimEnd(),
  );
  const c = counts(results);
  const summary = Object.entries(c)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  return [
    `${'id'.padEnd(idW)}  ${'status'.padEnd(stW)}  detail`,
    ...lines,
    '',
    `${results.length} sources: ${summary}`,
  ].join('\n');
}

export const exitCodeFor = (results: readonly Result[]) => (results.some((r) => DRIFT.includes(r.status)) ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// The command

class UsageError extends Error {}

const USAGE = 'usage: check-sources [--timeout=ms] [--json | --json=path] [--sources=path] [--facts=path]';

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const consoleIo: Io = { out: (s) => console.log(s), err: (s) => console.error(s) };

function parseArgs(argv: readonly string[]) {
  // --json prints the JSON report instead of the table; --json=path writes it to a file and still
  // prints the table. CI needs the file form: `npm run` puts rolldown's build lines on stdout too.
  const args = {
    timeout: DEFAULT_TIMEOUT,
    json: false,
    jsonPath: '',
    sources: 'content/sources.json',
    facts: '',
    factsGiven: false,
  };
  for (const a of argv) {
    const [flag, value] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--json' && value === undefined) args.json = true;
    else if (flag === '--json' && value) args.jsonPath = value;
    else if (flag === '--timeout' && value !== undefined && /^\d+$/.test(value) && Number(value) > 0)
      args.timeout = Number(value);
    else if (flag === '--sources' && value) args.sources = value;
    else if (flag === '--facts' && value) [args.facts, args.factsGiven] = [value, true];
    else throw new UsageError(`unknown or malformed option: ${a}`);
  }
  // The register lives beside the sources it quotes (content/facts.json next to content/sources.json).
  if (!args.facts) args.facts = join(dirname(args.sources), 'facts.json');
  return args;
}

/** Runs the command and returns its exit code. Catches everything: prints one line, never a stack. */
export async function main(argv: readonly string[], io: Io = consoleIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (!existsSync(args.sources)) throw new UsageError(`no sources file at ${args.sources}`);
    if (args.factsGiven && !existsSync(args.facts)) throw new UsageError(`no facts file at ${args.facts}`);
    const sources = parseSources(JSON.parse(readFileSync(args.sources, 'utf8')));
    // facts.json is new: until it exists, only titles and statuses can be checked.
    const haveFacts = existsSync(args.facts);
    const quotes = haveFacts ? parseFacts(JSON.parse(readFileSync(args.facts, 'utf8'))) : new Map<string, Quote[]>();

    const started = Date.now();
    const results = await checkAll(sources, quotes, { timeout: args.timeout });
    const code = exitCodeFor(results);
    const report = {
      ok: code === 0,
      checkedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      timeoutMs: args.timeout,
      quotesChecked: haveFacts,
      counts: counts(results),
      results,
    };
    if (args.jsonPath) writeFileSync(args.jsonPath, `${JSON.stringify(report, null, 2)}\n`);
    if (args.json) io.out(JSON.stringify(report, null, 2));
    else {
      if (!haveFacts) io.out(`(no ${args.facts}: checking statuses and titles only)`);
      io.out(formatTable(results));
    }
    return code;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`check-sources: ${err.message}\n${USAGE}`);
      return 2;
    }
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    io.err(`check-sources: cannot run: ${message}`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      // An idle keep-alive socket must not keep the process up after the report.
      setTimeout(() => process.exit(code), 1000).unref();
    },
    () => process.exit(1), // main never rejects; this is belt and braces
  );
}

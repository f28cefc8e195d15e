import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * First-load JavaScript of a page as a browser gets it (issue 6: the phone approval page ≤ 160 kB
 * gzip): the page's HTML as served, every script it makes the browser download, gzipped.
 *
 * What is counted: each distinct script URL of the HTML — `<script src>` and
 * `<link rel="preload"|"modulepreload" as="script">` — fetched and gzipped here with node:zlib at
 * level 9, so the figure does not depend on whether or how the server compresses. Not counted in
 * the total, but reported: `<script nomodule>` (Next's polyfills for browsers without ES modules,
 * which every other browser skips without downloading) as `noModule`, and the inline `<script>`
 * bodies as `inlineGzipBytes` — nearly all of it the React Server Components payload
 * (`self.__next_f.push`), the page's data arriving with the HTML, not code to download. Chunks
 * loaded later (on a client navigation) are not first-load.
 */

export type PageWeight = {
  scripts: { src: string; gzipBytes: number }[];
  totalGzipBytes: number;
  /** `<script nomodule>`: downloaded only by browsers without ES modules; not in the total. */
  noModule: { src: string; gzipBytes: number }[];
  /** Inline `<script>` bodies of the HTML, gzipped together; not part of totalGzipBytes. */
  inlineGzipBytes: number;
};

const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const PRELOAD_TAG = /<link\b[^>]*\brel=["']?(?:preload|modulepreload)["']?[^>]*>/gi;
const attribute = (tag: string, name: string) =>
  new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((value) => value !== undefined);
const unescapeHtml = (value: string) =>
  value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'");
const gzipBytes = (body: string | Uint8Array) => gzipSync(body, { level: 9 }).byteLength;

/** The script URLs of an HTML page (absolute, once each), its `nomodule` ones apart, and its inline script bodies. */
export function scriptsOf(html: string, pageUrl: string): { urls: string[]; noModule: string[]; inline: string[] } {
  const urls = new Set<string>();
  const noModule = new Set<string>();
  const inline: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(SCRIPT_TAG)) {
    const src = attribute(attributes, 'src');
    if (src) (/\bnomodule\b/i.test(attributes) ? noModule : urls).add(new URL(unescapeHtml(src), pageUrl).href);
    else if (body.trim()) inline.push(body);
  }
  for (const [tag] of html.matchAll(PRELOAD_TAG)) {
    const href = attribute(tag, 'href');
    if (href && attribute(tag, 'as') === 'script') urls.add(new URL(unescapeHtml(href), pageUrl).href);
  }
  return { urls: [...urls], noModule: [...noModule].filter((url) => !urls.has(url)), inline };
}

async function gzippedScripts(urls: string[]): Promise<{ src: string; gzipBytes: number }[]> {
  const scripts = await Promise.all(
    urls.map(async (src) => ({
      src,
      gzipBytes: gzipBytes(new Uint8Array(await (await fetchOk(src, {})).arrayBuffer())),
    })),
  );
  return scripts.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

async function fetchOk(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, { ...init, redirect: 'manual' });
  if (response.status !== 200) {
    const where = response.headers.get('location');
    throw new Error(`GET ${url} answered ${response.status}${where ? ` (to ${where}: signed out?)` : ''}`);
  }
  return response;
}

/**
 * The first-load JavaScript of `path` on `baseUrl`, signed in when `cookie` (a Cookie header) is
 * given. Refuses a redirect rather than measure the sign-in page instead of the page asked for.
 */
export async function firstLoadJs(baseUrl: string, path: string, cookie?: string): Promise<PageWeight> {
  const pageUrl = new URL(path, baseUrl).href;
  const html = await (await fetchOk(pageUrl, { headers: cookie ? { cookie } : {} })).text();
  const { urls, noModule, inline } = scriptsOf(html, pageUrl);
  const scripts = await gzippedScripts(urls);
  return {
    scripts,
    totalGzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0),
    noModule: await gzippedScripts(noModule),
    inlineGzipBytes: inline.length ? gzipBytes(inline.join('\n')) : 0,
  };
}

/** A session cookie for `email`, signed in through next-auth's credentials endpoint as the sign-in form does. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const csrf = await fetch(new URL('/api/auth/csrf', baseUrl));
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(new URL('/api/auth/callback/credentials', baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded', origin: new URL(baseUrl).origin },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  keep(signIn);
  if (![...jar.keys()].some((name) => name.endsWith('next-auth.session-token')))
    throw new Error(`signing in as ${email} failed (${signIn.status})`);
  return header();
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The table the CLI prints: largest script first, then the total and the inline payload. */
export function formatPageWeight(path: string, weight: PageWeight): string {
  const rows = weight.scripts.map((script) => `${kB(script.gzipBytes).padStart(10)}  ${new URL(script.src).pathname}`);
  return [
    `First-load JavaScript of ${path} (gzip -9, kB = 1000 bytes)`,
    ...rows,
    `${kB(weight.totalGzipBytes).padStart(10)}  total, ${weight.scripts.length} scripts`,
    ...weight.noModule.map(
      (script) =>
        `${kB(script.gzipBytes).padStart(10)}  ${new URL(script.src).pathname} (nomodule: skipped by browsers with ES modules; not in the total)`,
    ),
    `${kB(weight.inlineGzipBytes).padStart(10)}  inline scripts of the HTML (RSC payload; not in the total)`,
  ].join('\n');
}

const USAGE = `tsx bench/page-weight.ts <baseUrl> <path> [cookie | --as=<email>[:<password>]] [--max-kb=<n>]
  cookie      a Cookie header of a signed-in browser
  --as        sign in first (password defaults to the demo password)
  --max-kb    exit 1 when the total is above n kB`;

async function main(args: string[]) {
  const flag = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const [baseUrl, path, cookieArg] = args.filter((arg) => !arg.startsWith('--'));
  if (!baseUrl || !path) {
    console.error(USAGE);
    process.exit(2);
  }
  const as = flag('as');
  const at = as?.indexOf(':') ?? -1;
  const [email, password] = as && at > 0 ? [as.slice(0, at), as.slice(at + 1)] : [as ?? '', 'countersign-demo'];
  const cookie = as ? await signInCookie(baseUrl, email, password) : cookieArg;
  const weight = await firstLoadJs(baseUrl, path, cookie);
  console.log(formatPageWeight(path, weight));
  const maxKb = flag('max-kb');
  if (maxKb && weight.totalGzipBytes > Number(maxKb) * 1000) {
    console.error(`Over the budget of ${maxKb} kB.`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

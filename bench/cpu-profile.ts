import { readdir, readFile } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the app's CPU goes: reads the V8 CPU profile that `next start` wrote (--cpu-prof) and
 * adds up self time per package (node_modules) or project file, through the build's source maps
 * so that bundled code is charged to the package or file it came from.
 */

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type Profile = { nodes: { id: number; callFrame: CallFrame }[]; samples: number[]; timeDeltas: number[] };

export type CpuShare = { name: string; ms: number; share: number };
export type CpuBreakdown = { profiledMs: number; byOrigin: CpuShare[]; byFunction: CpuShare[] };

const IDLE = new Set(['(idle)', '(program)']);

function originOf(source: string): string {
  const clean = decodeURIComponent(source).replace(/^.*?(?=node_modules\/|(app|components|server|db)\/)/, '');
  // drizzle-orm ships source maps that point at its own src/ folder, which the bundle flattens.
  if (clean.startsWith('node_modules/src/')) return 'drizzle-orm';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
  if (inModules) return inModules[1] ?? clean;
  if (clean.startsWith('node:')) return 'node (built-in)';
  return clean || 'unknown';
}

/** Maps a profile frame to where its code came from, through the chunk's source map when it has one. */
async function resolver() {
  const maps = new Map<string, SourceMap | null>();
  const mapOf = async (file: string) => {
    if (!maps.has(file)) {
      const payload = await readFile(`${file}.map`, 'utf8').then(
        (text) => JSON.parse(text) as object,
        () => null,
      );
      maps.set(file, payload ? new SourceMap(payload as ConstructorParameters<typeof SourceMap>[0]) : null);
    }
    return maps.get(file) ?? null;
  };
  return async (frame: CallFrame): Promise<string> => {
    if (!frame.url) return frame.functionName || '(native)';
    if (frame.url.startsWith('node:')) return 'node (built-in)';
    const file = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
    const map = await mapOf(file);
    const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string } | undefined;
    if (entry?.originalSource)
      return originOf(path.relative(process.cwd(), path.resolve(path.dirname(file), entry.originalSource)));
    return originOf(path.relative(process.cwd(), file));
  };
}

function top(totals: Map<string, number>, all: number, count: number): CpuShare[] {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10, share: Math.round((us / all) * 1000) / 10 }));
}

/** Self time of the busiest origins and functions in the profiles of a folder (idle left out). */
export async function summarizeCpuProfiles(folder: string): Promise<CpuBreakdown | null> {
  const files = (await readdir(folder).catch(() => [])).filter((name) => name.endsWith('.cpuprofile'));
  if (files.length === 0) return null;
  const resolve = await resolver();
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const file of files) {
    const profile = JSON.parse(await readFile(path.join(folder, file), 'utf8')) as Profile;
    const self = new Map<number, number>();
    profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
    for (const node of profile.nodes) {
      const us = self.get(node.id) ?? 0;
      if (us === 0 || IDLE.has(node.callFrame.functionName)) continue;
      const origin = await resolve(node.callFrame);
      busy += us;
      byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + us);
      const fn = `${node.callFrame.functionName || '(anonymous)'} — ${origin}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    }
  }
  return {
    profiledMs: Math.round(busy / 1000),
    byOrigin: top(byOrigin, busy, 18),
    byFunction: top(byFunction, busy, 18),
  };
}

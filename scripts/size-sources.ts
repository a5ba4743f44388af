// Which sources make up a built file's gzipped size: `RAILAIR_SOURCEMAP=1 npx wxt build`, then
// `npx tsx scripts/size-sources.ts .output/chrome-mv3/background.js [--by file|dir|package] [--top N]`
// (package: npm packages, and our code by top folder: lib/air, lib/rail …).
// Each source's share is what the gzipped file shrinks by when that source's bytes are cut out
// (so text that compresses well against the rest counts for little); the shares need not add up
// to the whole. For deciding what to cut before cutting it; the budget itself is scripts/size-budget.ts.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source index of every mapped span of the generated text, as [start, end, source] in UTF-16 units. */
export function spans(code: string, mappings: string): Array<[number, number, number]> {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const marks: Array<[number, number]> = [];
  let source = 0;
  mappings.split(';').forEach((line, li) => {
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += fields[0] ?? 0;
      // A segment without a source field carries no source: it belongs to none.
      if (fields.length >= 4) source += fields[1] ?? 0;
      marks.push([(lineStarts[li] ?? code.length) + col, fields.length >= 4 ? source : -1]);
    }
  });
  marks.sort((a, b) => a[0] - b[0]);
  return marks.map(([start, src], i) => [start, marks[i + 1]?.[0] ?? code.length, src]);
}

function group(source: string, by: string): string {
  const path = source.replace(/^(\.\.\/)+/, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (by === 'package') return pkg ? `npm:${pkg[1]}` : path.split('/').slice(0, 2).join('/');
  if (by === 'dir') return pkg ? `npm:${pkg[1]}` : path.split('/').slice(0, -1).join('/') || path;
  return path;
}

function main(argv: string[]): void {
  const file = argv.find((a) => !a.startsWith('--')) ?? '.output/chrome-mv3/background.js';
  const by = argv[argv.indexOf('--by') + 1] ?? 'file';
  const top = Number(argv.includes('--top') ? argv[argv.indexOf('--top') + 1] : 40);
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const groups = new Map<string, Array<[number, number]>>();
  for (const [start, end, src] of spans(code, map.mappings)) {
    const name = src < 0 ? '(no source)' : group(map.sources[src] ?? '?', by);
    const list = groups.get(name) ?? [];
    list.push([start, end]);
    groups.set(name, list);
  }
  // zlib's default level, as scripts/size-budget.ts measures.
  const whole = gzipSync(code).length;
  const rows = [...groups].map(([name, list]) => {
    let rest = '';
    let at = 0;
    for (const [start, end] of list.sort((a, b) => a[0] - b[0])) {
      rest += code.slice(at, start);
      at = end;
    }
    rest += code.slice(at);
    return { name, raw: Buffer.byteLength(code) - Buffer.byteLength(rest), gz: whole - gzipSync(rest).length };
  });
  rows.sort((a, b) => b.gz - a.gz);
  console.log(`${file}: ${Buffer.byteLength(code)} B, ${whole} B gz`);
  for (const r of rows.slice(0, top)) console.log(`${String(r.gz).padStart(7)} B gz ${String(r.raw).padStart(8)} B  ${r.name}`);
}

if (process.argv[1]?.endsWith('size-sources.ts')) main(process.argv.slice(2));

// `npm run bench`: runs every bench/*.bench.ts suite (each default-exports a BenchSuite) and
// prints one table. Figures are medians and ratios against baselines measured in the same run.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchRow, BenchSuite } from '../bench/harness';

const dir = resolve(import.meta.dirname, '../bench');
const only = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: BenchSuite };
  const rows: BenchRow[] = await mod.default();
  console.log(`\n## ${file.replace(/\.bench\.ts$/, '')}`);
  const w = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) console.log(`  ${r.name.padEnd(w)}  ${r.value.padStart(12)}${r.note ? `  ${r.note}` : ''}`);
}

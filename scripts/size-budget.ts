// Checks the gzipped size of every built file against size-budget.json; exits 1 when one is over.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = process.argv[2] ?? '.output/chrome-mv3';
const budget = JSON.parse(readFileSync('size-budget.json', 'utf8')) as {
  files: Record<string, number>;
  total: number;
};

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

const toRegex = (glob: string) =>
  new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
const rules = Object.entries(budget.files).map(([glob, max]) => ({ glob, re: toRegex(glob), max }));

let total = 0;
let failed = false;
const rows: string[] = [];
for (const file of walk(root)) {
  const rel = relative(root, file).split('\\').join('/');
  if (!/\.(js|css|html|json)$/.test(rel)) continue;
  const gz = gzipSync(readFileSync(file)).length;
  total += gz;
  const rule = rules.find((r) => r.re.test(rel));
  const over = rule !== undefined && gz > rule.max;
  if (over) failed = true;
  rows.push(`${over ? 'OVER' : 'ok  '} ${String(gz).padStart(8)} B gz  ${rel}${rule ? `  (budget ${rule.max} for ${rule.glob})` : ''}`);
}
rows.sort();
console.log(rows.join('\n'));
const totalOver = total > budget.total;
console.log(`${totalOver ? 'OVER' : 'ok  '} ${String(total).padStart(8)} B gz  total (budget ${budget.total})`);
if (failed || totalOver) {
  console.error('size budget exceeded');
  process.exit(1);
}

// `npm run compare -- RAIL_FILE AIR_FILE [--json] [--stations station_name.js] [--en] [--now ISO]
//   [--qualify youth,student,senior,member,premium]`
// Decodes a saved 12306 left-ticket response and a saved flight search (Taobao Open Platform or
// Fliggy) with the shared decoders, compares them door to door and prints a table and the
// verdict (or, with --json, the Comparison object, each option saying whether its fare is
// conditional and why, and whether it has departed). The files may come in either order, and
// one file alone gives a one-sided comparison. A file's modification time is taken as when it
// was fetched, so an old file is reported as stale. The comparison is made at --now (default:
// the real clock); a file for a past day is compared as of the start of its own day, so its
// trains and flights are not all "departed".

// On failure: exit 1 and ONE line on stderr, `compare: <what>: <code>: <message>`.
import { readFileSync, statSync } from 'node:fs';
import { compare, fareFacts, resolvePlace, type ComparedOption, type Comparison, type Place, type Qualifications } from '../lib/compare';
import { decodeAny } from '../lib/decode-any';
import { formatYuan, type Lang } from '../lib/i18n';
import type { FlightSearchResult, LeftTicketResult, StationList } from '../lib/model';
import { decodeStationList } from '../lib/rail/stations';
import { chinaHm, chinaInstant, daysBetween, chinaDateOf, formatDuration } from '../lib/time';

const USAGE =
  'usage: npm run compare -- RAIL_FILE AIR_FILE [--json] [--stations station_name.js] [--en] [--now 2025-12-20T06:50:00+08:00] [--qualify youth,student,senior,member,premium]';

const QUALIFY: Record<string, keyof Qualifications> = {
  youth: 'youth',
  student: 'student',
  senior: 'senior',
  member: 'member',
  premium: 'premiumCabin',
};

class CliError extends Error {}

function decodeBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // 12306 pages saved by Chinese tools are often GB18030.
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

function read(file: string): { text: string; mtime: number } {
  try {
    return { text: decodeBytes(readFileSync(file)), mtime: statSync(file).mtimeMs };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new CliError(`${file}: read: bad-input: ${why.split('\n')[0]}`);
  }
}

interface Args {
  files: string[];
  json: boolean;
  lang: Lang;
  stations?: string;
  now?: number;
  qualifies: Qualifications;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], json: false, lang: 'zh-CN', qualifies: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    else if (a === '--json') args.json = true;
    else if (a === '--en') args.lang = 'en';
    else if (a === '--stations') {
      const f = argv[++i];
      if (!f) throw new CliError(`usage: --stations needs a file. ${USAGE}`);
      args.stations = f;
    } else if (a === '--now') {
      const v = argv[++i];
      const t = v ? Date.parse(v) : NaN;
      if (!Number.isFinite(t)) throw new CliError(`usage: --now needs an instant such as 2025-12-20T06:50:00+08:00. ${USAGE}`);
      args.now = t;
    } else if (a === '--qualify') {
      for (const k of (argv[++i] ?? '').split(',')) {
        const q = QUALIFY[k.trim()];
        if (!q) throw new CliError(`usage: --qualify takes ${Object.keys(QUALIFY).join(',')}. ${USAGE}`);
        args.qualifies[q] = true;
      }
    } else if (a.startsWith('--')) throw new CliError(`usage: unknown option ${a}. ${USAGE}`);
    else args.files.push(a);
  }
  if (args.files.length < 1 || args.files.length > 2) throw new CliError(USAGE);
  return args;
}

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

function availability(c: ComparedOption, lang: Lang): string {
  const o = c.option;
  if (c.departed) return lang === 'en' ? 'departed' : '已出发';
  if (c.soldOut) return c.priceNote ?? (lang === 'en' ? 'sold out' : '无票');
  if (o.mode === 'rail') {
    const buyable = o.seats.filter((s) => s.availability.kind === 'plenty' || (s.availability.kind === 'count' && s.availability.n > 0));
    return buyable
      .map((s) => `${lang === 'en' ? s.nameEn : s.name} ${s.availability.kind === 'count' ? s.availability.n : lang === 'en' ? 'yes' : '有'}`)
      .join(', ');
  }
  const left = o.fares.map((f) => f.seatsLeft).filter((n): n is number => n !== undefined && n > 0);
  const seats = left.length ? `${Math.max(...left)}${lang === 'en' ? ' left' : '张'}` : lang === 'en' ? 'on sale' : '有票';
  return c.priceNote ? `${seats}; ${c.priceNote}` : seats;
}

function row(c: ComparedOption, lang: Lang): string[] {
  const o = c.option;
  const from = o.mode === 'rail' ? `${o.from.name ?? ''} ${o.from.telecode}`.trim() : `${o.from.code}${o.from.terminal ? ` ${o.from.terminal}` : ''}`;
  const to = o.mode === 'rail' ? `${o.to.name ?? ''} ${o.to.telecode}`.trim() : `${o.to.code}${o.to.terminal ? ` ${o.to.terminal}` : ''}`;
  const plus = daysBetween(o.date, chinaDateOf(o.arrive));
  const price = c.price === undefined ? '—' : `${formatYuan(c.price)}${c.priceIncludesTaxes ? '' : '*'}`;
  return [
    o.mode === 'rail' ? (lang === 'en' ? 'train' : '火车') : lang === 'en' ? 'plane' : '飞机',
    o.mode === 'rail' ? o.code : o.flightNo,
    `${from} → ${to}`,
    chinaHm(o.depart),
    `${chinaHm(o.arrive)}${plus > 0 ? ` (+${plus})` : ''}`,
    formatDuration(c.doorToDoorMin, lang === 'en' ? 'en' : 'zh'),
    price,
    availability(c, lang),
    c.tops.join(' '),
  ];
}

function table(cmp: Comparison, lang: Lang): string {
  const head =
    lang === 'en'
      ? ['mode', 'number', 'from → to', 'depart', 'arrive', 'door to door', 'price', 'availability', 'tops']
      : ['方式', '车次/航班', '出发 → 到达', '出发', '到达', '门到门', '价格', '余票', '排名'];
  const rows = [head, ...cmp.options.map((c) => row(c, lang))];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  const line = (r: string[]) => r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i]!))).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function sourcesLine(cmp: Comparison, lang: Lang): string {
  const parts: string[] = [];
  const age = (m: number) => formatDuration(m, lang === 'en' ? 'en' : 'zh');
  const { rail, air } = cmp.sources;
  if (rail) parts.push(lang === 'en' ? `trains: ${rail.count}, ${age(rail.ageMin)} old${rail.stale ? ' (stale)' : ''}` : `火车 ${rail.count} 趟，${age(rail.ageMin)}前${rail.stale ? '（已过时）' : ''}`);
  if (air) parts.push(lang === 'en' ? `flights: ${air.count}, ${age(air.ageMin)} old${air.stale ? ' (stale)' : ''}` : `航班 ${air.count} 班，${age(air.ageMin)}前${air.stale ? '（已过时）' : ''}`);
  return `${cmp.date}  ${parts.join(lang === 'en' ? '; ' : '；')}`;
}

function places(air: FlightSearchResult | undefined, stations: StationList | undefined): { from?: Place; to?: Place } {
  if (!air) return {};
  const first = air.flights[0];
  const fromQ = air.depCity ? { cityCode: air.depCity } : first ? { airport: first.from.code } : undefined;
  const toQ = air.arrCity ? { cityCode: air.arrCity } : first ? { airport: first.to.code } : undefined;
  if (!fromQ || !toQ) return {};
  const from = resolvePlace(fromQ, stations);
  const to = resolvePlace(toQ, stations);
  // A city code we do not know: compare without filtering rather than refuse.
  return from.ok && to.ok ? { from: from.value, to: to.value } : {};
}

/** Per option, for --json readers: is the fare shown conditional, and why; has it left. */
function withFareFacts(c: ComparedOption) {
  return { ...c, fare: fareFacts(c), departed: c.departed };
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  let rail: { result: LeftTicketResult; fetchedAt: number; source: string } | undefined;
  let air: { result: FlightSearchResult; fetchedAt: number } | undefined;
  const issueCounts: string[] = [];
  for (const file of args.files) {
    const { text, mtime } = read(file);
    const { format, result } = decodeAny(text);
    if (!result.ok) throw new CliError(`${file}: ${format}: ${result.error.code}: ${result.error.message.en.replace(/\s+/g, ' ').trim()}`);
    if (result.issues.length) issueCounts.push(`${file}: ${result.issues.length} decode issue(s)`);
    if (format === 'left-ticket') {
      if (rail) throw new CliError(`${file}: left-ticket: bad-input: two 12306 files; give one 12306 file and one flight file`);
      rail = { result: result.value as LeftTicketResult, fetchedAt: mtime, source: file };
    } else if (format === 'top-search' || format === 'fliggy-search') {
      if (air) throw new CliError(`${file}: ${format}: bad-input: two flight files; give one 12306 file and one flight file`);
      air = { result: result.value as FlightSearchResult, fetchedAt: mtime };
    } else {
      throw new CliError(`${file}: ${format}: bad-input: not a train or flight search (give a 12306 left-ticket or a flight search file)`);
    }
  }
  let stations: StationList | undefined;
  if (args.stations) {
    const s = decodeStationList(read(args.stations).text);
    if (!s.ok) throw new CliError(`${args.stations}: station-list: ${s.error.code}: ${s.error.message.en}`);
    stations = s.value;
  }
  const { from, to } = places(air?.result, stations);
  const now = args.now ?? Date.now();
  const date = rail?.result.date ?? rail?.result.trains[0]?.date ?? air?.result.date ?? air?.result.flights[0]?.date;
  // A capture of a past day is read as the plan it was: nothing in it has left yet.
  const departedBefore = args.now === undefined && date && date < chinaDateOf(now) ? chinaInstant(date) : now;
  const r = compare({ rail, air, now, departedBefore, from, to }, { lang: args.lang, qualifies: args.qualifies });
  if (!r.ok) throw new CliError(`${r.error.code}: ${r.error.message.en.replace(/^compare: /, '')}`);
  const cmp = r.value;
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ ...cmp, options: cmp.options.map(withFareFacts) }, null, 2)}\n`);
  } else {
    const out = [
      sourcesLine(cmp, args.lang),
      '',
      table(cmp, args.lang),
      '',
      cmp.verdict.zh,
      cmp.verdict.en,
    ];
    if (cmp.date < chinaDateOf(now)) {
      out.push(args.lang === 'en' ? `Note: ${cmp.date} is in the past.` : `注意：${cmp.date} 已是过去的日期。`);
    }
    if (cmp.options.some((c) => c.option.mode === 'air' && c.price !== undefined && !c.priceIncludesTaxes)) {
      out.push(args.lang === 'en' ? '* fare without airport fee and fuel surcharge' : '* 未含机建燃油');
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
  for (const line of issueCounts) process.stderr.write(`compare: ${line}\n`);
  for (const i of r.issues) process.stderr.write(`compare: ${i.code}: ${i.message}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof CliError)) throw e;
  process.stderr.write(`compare: ${e.message}\n`);
  process.exitCode = 1;
}

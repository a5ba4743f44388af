// Runs `npx tsx scripts/compare.ts` as a user would, on files generated in the real wire
// formats (12306 left-ticket JSON, Fliggy JSONP, Taobao Open Platform JSON).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparedOption, Comparison, FareFacts } from '../../lib/compare';
import { buildFliggyJsonp, buildTopSearchJson, generateFlights, type FlightSpec } from '../support/air-bodies';
import { buildLeftTicketBody, buildRailRow, generateTrains, type RailRowSpec } from '../support/rail-rows';

const root = resolve(import.meta.dirname, '../..');
const DATE = '2026-03-10';
let dir = '';

function run(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'scripts/compare.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  const stderr = r.stderr
    .split('\n')
    .filter((l) => l && !l.startsWith('npm warn'))
    .join('\n');
  return { code: r.status, stdout: r.stdout, stderr };
}

// The example: G1 ¥669 at 5h40 door to door against MU5102 ¥680 (taxes included) at 4h50.
const g1: RailRowSpec = { code: 'G1', from: 'VNP', to: 'AOH', depart: '09:00', arrive: '13:25', date: DATE, seats: { ze: { cell: '有', price: 66900 }, zy: { cell: '4', price: 107000 } } };
const g3: RailRowSpec = { code: 'G3', from: 'VNP', to: 'AOH', depart: '07:00', arrive: '11:30', date: DATE, canWebBuy: 'N', seats: { ze: { cell: '无', price: 66900 } } };
const z281: RailRowSpec = { code: 'Z281', from: 'BXP', to: 'SHH', depart: '21:00', arrive: '08:10', date: DATE, seats: { rw: { cell: '3', price: 47600 } } };
const mu: FlightSpec = { flightNo: 'MU5102', airline: 'MU', dep: 'PEK', arr: 'SHA', depTime: `${DATE} 08:00`, arrTime: '09:50', priceFen: 58000, taxesFen: 10000 };
const late: FlightSpec = { flightNo: 'CA1589', airline: 'CA', dep: 'PKX', arr: 'PVG', depTime: `${DATE} 23:30`, arrTime: '01:40', priceFen: 99000, taxesFen: 10000 };

function write(name: string, text: string, ageMin = 0): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  const t = (Date.now() - ageMin * 60_000) / 1000;
  utimesSync(file, t, t);
  return file;
}

/** What --json prints: the Comparison, each option with its fare facts. */
type JsonComparison = Omit<Comparison, 'options'> & { options: (ComparedOption & { fare: FareFacts })[] };

let rail = '';
let fliggy = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'railair-compare-'));
  const map = { VNP: '北京南', BXP: '北京西', AOH: '上海虹桥', SHH: '上海' };
  rail = write('rail.json', buildLeftTicketBody([g3, g1, z281].map((s) => buildRailRow(s, '2025')), map));
  fliggy = write('air.jsonp', buildFliggyJsonp([mu, late]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run compare', { timeout: 90_000 }, () => {
  it('prints the table and the verdict for a 12306 file and a Fliggy file', () => {
    const r = run(rail, fliggy);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^2026-03-10\s+火车 3 趟，0分钟前；航班 2 班，0分钟前$/);
    expect(lines[2]).toMatch(/^方式\s+车次\/航班\s+出发 → 到达\s+出发\s+到达\s+门到门\s+价格\s+余票\s+排名$/);
    const row = (no: string) => lines.find((l) => l.includes(` ${no} `))!;
    expect(row('MU5102')).toMatch(/^飞机\s+MU5102\s+PEK → SHA\s+08:00\s+09:50\s+4小时50分\s+¥680\s+.*fastest earliest pareto$/);
    expect(row('G1')).toMatch(/^火车\s+G1\s+北京南 VNP → 上海虹桥 AOH\s+09:00\s+13:25\s+5小时40分\s+¥669\s+一等座 4, 二等座 有\s+pareto$/);
    expect(row('G3')).toMatch(/火车\s+G3 .*—\s+无票（最低票价 ¥669）$/);
    expect(row('Z281')).toMatch(/21:00\s+08:10 \(\+1\)\s+12小时/);
    expect(row('Z281')).toMatch(/¥476 .*cheapest pareto$/);
    expect(row('CA1589')).toMatch(/23:30\s+01:40 \(\+1\)/);
    expect(r.stdout).toContain('高铁 G1 二等座 ¥669，门到门 5小时40分；最便宜航班 MU5102 经济舱 ¥680，门到门 4小时50分：飞机快 50 分钟，贵 ¥11。最早到达：MU5102 10:20 到门。');
    expect(r.stdout).toContain('High-speed G1 second class ¥669, 5h 40m door to door; cheapest flight MU5102 economy ¥680, 4h 50m door to door: the plane is 50m faster and ¥11 dearer. Earliest at the door: MU5102 at 10:20.');
  });

  it('prints the Comparison with --json, and takes the files in either order', () => {
    const r = run(fliggy, rail, '--json');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as Comparison;
    expect(c.date).toBe(DATE);
    expect(c.partial).toBeNull();
    expect(c.options.map((o) => o.option.mode === 'rail' ? o.option.code : o.option.flightNo)).toEqual(['G3', 'MU5102', 'G1', 'Z281', 'CA1589']);
    const id = (no: string) => c.options.find((o) => (o.option.mode === 'rail' ? o.option.code : o.option.flightNo) === no)!.id;
    expect(c.rankings).toEqual({
      cheapest: id('Z281'),
      fastest: id('MU5102'),
      earliestArrival: id('MU5102'),
      pareto: [id('MU5102'), id('G1'), id('Z281')], // CA1589 is dearer and later than G1
    });
    expect(c.options[0]).toMatchObject({ soldOut: true, tops: [] });
    expect(c.sources).toEqual({ rail: { count: 3, ageMin: 0, stale: false }, air: { count: 2, ageMin: 0, stale: false } });
  });

  it('evaluates at --now: what left before is marked departed, listed last and ranked nowhere', () => {
    const r = run(rail, fliggy, '--json', '--now', '2026-03-10T08:30:00+08:00');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as JsonComparison;
    const code = (o: Comparison['options'][number]) => (o.option.mode === 'rail' ? o.option.code : o.option.flightNo);
    expect(c.options.map(code)).toEqual(['G1', 'Z281', 'CA1589', 'G3', 'MU5102']);
    expect(c.options.map((o) => o.departed)).toEqual([false, false, false, true, true]);
    expect(c.options.every((o) => o.fare.conditional === false)).toBe(true);
    expect(c.rankings.fastest).not.toBe(c.options[4]!.id);
    expect(c.verdict.zh).toContain('最便宜航班 CA1589');
    const text = run(rail, fliggy, '--now', '2026-03-10T08:30:00+08:00');
    expect(text.stdout.split('\n').find((l) => l.includes(' MU5102 '))).toMatch(/已出发/);
    const bad = run(rail, fliggy, '--now', 'yesterday');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^compare: usage: --now needs an instant/);
  });

  it('compares a file of a past day as of its own day by default (nothing in it has left)', () => {
    const c = JSON.parse(run(rail, fliggy, '--json').stdout) as JsonComparison;
    expect(c.options.map((o) => o.departed)).toEqual([false, false, false, false, false]);
    expect(c.options[0]!.fare).toEqual({ conditional: false });
  });

  it('compares Taobao Open Platform data and says when a source is stale', () => {
    const top = write('top.json', buildTopSearchJson([mu]), 125);
    const r = run(rail, top);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('航班数据是 2小时5分前获取的');
    expect(r.stdout).toContain('Flight data is 2h 5m old');
  });

  it('works with one file (trains only), with larger generated days', () => {
    const many = write('many.json', buildLeftTicketBody(generateTrains(60, { from: 'VNP', to: 'AOH' }, DATE, 5).map((s) => buildRailRow(s, '2025'))));
    const r = run(many, '--json');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout) as Comparison;
    expect(c.partial).toBe('rail-only');
    expect(c.options).toHaveLength(60);
    const flights = write('flights.jsonp', buildFliggyJsonp(generateFlights(30, 'BJS', 'SHA', DATE, 5)));
    const bothRun = run(many, flights, '--json');
    const both = JSON.parse(bothRun.stdout) as Comparison;
    expect(bothRun.stderr).toBe('compare: other: 60 trains kept without checking their stations (no station names or list)');
    expect(both.options).toHaveLength(90);
    expect(both.verdict.zh).toMatch(/最便宜航班/);
  });

  it('exits 1 with one line for different dates, a decode error, or two files of one kind', () => {
    const other = write('other-day.jsonp', buildFliggyJsonp([{ ...mu, depTime: '2026-03-11 08:00' }]));
    const d = run(rail, other);
    expect(d.code).toBe(1);
    expect(d.stdout).toBe('');
    expect(d.stderr).toBe('compare: different-dates: trains are for 2026-03-10, flights for 2026-03-11');
    const bad = write('bad.json', '<html><title>网络可能存在问题，请您重试一下！</title>12306</html>');
    const b = run(bad, fliggy);
    expect(b.code).toBe(1);
    expect(b.stderr.split('\n')).toHaveLength(1);
    expect(b.stderr).toMatch(/^compare: .*bad\.json: left-ticket: (html-page|blocked|maintenance): /);
    const two = run(rail, rail);
    expect(two.code).toBe(1);
    expect(two.stderr).toMatch(/two 12306 files/);
  });
});

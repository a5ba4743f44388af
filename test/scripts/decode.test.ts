// Format detection (lib/decode-any.ts) and the `npm run decode -- FILE` command line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeAny, detectFormat } from '../../lib/decode-any';
import { buildFliggyJsonp, buildTopError, buildTopSearchJson, buildTopSearchXml, generateFlights } from '../support/air-bodies';
import { buildLeftTicketBody, buildObjectFormatBody, buildRailRow, buildStationNameJs, generateStations, generateTrains } from '../support/rail-rows';

const trains = generateTrains(4, { from: 'BJP', to: 'SHH' }, '2026-12-01', 5);
const flights = generateFlights(3, 'BJS', 'SHA', '2026-12-01', 5);
const leftTicket = buildLeftTicketBody(trains.map((t) => buildRailRow(t, '2025')), { BJP: '北京', SHH: '上海' });

describe('detectFormat', () => {
  it.each([
    ['left-ticket envelope', leftTicket, 'left-ticket'],
    ['bare array of rows', JSON.stringify(trains.map((t) => buildRailRow(t, '2018'))), 'left-ticket'],
    ['object format', buildObjectFormatBody(trains), 'left-ticket'],
    ['c_url error', '{"status":false,"c_url":"leftTicket/queryZ","c_name":"CLeftTicketUrl"}', 'left-ticket'],
    ['12306 error page', '<html><head><title>铁路客户服务中心</title></head></html>', 'left-ticket'],
    ['station list', buildStationNameJs(generateStations(20), '11-field'), 'station-list'],
    ['bare station records', '@bji|北京|BJP|beijing|bj|2', 'station-list'],
    ['TOP JSON', buildTopSearchJson(flights), 'top-search'],
    ['TOP XML', buildTopSearchXml(flights), 'top-search'],
    ['TOP error', buildTopError('isv.invalid-parameter', 'bad'), 'top-search'],
    ['Fliggy JSONP', buildFliggyJsonp(flights), 'fliggy-search'],
    ['something else', '{"hello":"world"}', 'unknown'],
    ['plain text', 'hello', 'unknown'],
    ['nothing', '', 'unknown'],
  ])('%s → %s', (_name, text, want) => {
    expect(detectFormat(text)).toBe(want);
  });

  it('decodeAny hands each format to its decoder', () => {
    const rail = decodeAny(leftTicket);
    expect(rail.format).toBe('left-ticket');
    expect(rail.result.ok && (rail.result.value as { trains: unknown[] }).trains).toHaveLength(4);
    const air = decodeAny(buildFliggyJsonp(flights));
    expect(air.result.ok && (air.result.value as { flights: unknown[] }).flights).toHaveLength(3);
    const unknown = decodeAny('{"hello":"world"}');
    expect(!unknown.result.ok && unknown.result.error.code).toBe('unknown-format');
    expect(!decodeAny('  ').result.ok && (decodeAny('  ').result as { error: { code: string } }).error.code).toBe('empty');
  });
});

describe('npm run decode -- FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'railair-decode-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const root = resolve(import.meta.dirname, '../..');
  const run = (name: string, content?: string | Uint8Array) => {
    const file = join(dir, name);
    if (content !== undefined) writeFileSync(file, content);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/decode.ts', '--', file], { cwd: root, encoding: 'utf8' });
    return { file, status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('prints the normalized JSON of a left-ticket response and exits 0', () => {
    const r = run('left.json', leftTicket);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe('left-ticket');
    expect(out.value.trains.map((t: { code: string }) => t.code)).toEqual(trains.map((t) => t.code));
    expect(out.issues).toEqual([]);
  }, 30_000);

  it('fails with exit 1 and one line naming the format and what was wrong', () => {
    const r = run('moved.json', '{"status":false,"c_url":"leftTicket/queryZ","c_name":"CLeftTicketUrl"}');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`decode: ${r.file}: left-ticket: endpoint-moved: 12306 moved the query to leftTicket/queryZ\n`);
    const u = run('unknown.json', '{"hello":"world"}');
    expect(u.status).toBe(1);
    expect(u.stderr).toMatch(/^decode: .*unknown\.json: unknown: unknown-format: [^\n]+\n$/);
    const m = run('missing.json');
    expect(m.status).toBe(1);
    expect(m.stderr).toMatch(/^decode: .*missing\.json: read: bad-input: ENOENT[^\n]*\n$/);
  }, 30_000);

  it('reads a station list saved as GB18030 (北京南 = B1 B1 BE A9 C4 CF)', () => {
    const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
    const bytes = Uint8Array.from([...ascii("var station_names ='@bjn|"), 0xb1, 0xb1, 0xbe, 0xa9, 0xc4, 0xcf, ...ascii("|VNP|beijingnan|bjn|3';")]);
    const r = run('gbk.js', bytes);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.encoding).toBe('gb18030');
    expect(out.value.stations[0]).toMatchObject({ name: '北京南', telecode: 'VNP' });
  }, 30_000);
});

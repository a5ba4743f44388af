// The pre-2017 format: data[] of { queryLeftNewDTO, buttonTextInfo, secretStr } objects. Each is
// written as the pipe row it corresponds to, so both formats go through one row decoder.
import type { LeftTicketResult } from '../../model';
import { isObj } from '../../loose';
import { excerpt, fail, type DecodeIssue, type DecodeResult } from '../../result';
import { SEAT_CLASSES } from '../seats';
import type { LeftTicketContext } from './row';
import { decodeRows } from './rows';
import { FIELD, FULL_ROW_FIELDS, duration, hm } from './scan';

export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The pre-2017 object, written as the pipe row it corresponds to (one decoding path for both). */
function pipeFromObject(entry: Record<string, unknown>, dto: Record<string, unknown>): string {
  const f: string[] = new Array(FULL_ROW_FIELDS + 20).fill('');
  const put = (k: number, v: unknown) => {
    const t = str(v);
    f[k] = t.includes('|') ? t.replaceAll('|', '/') : t;
  };
  put(FIELD.buttonTextInfo, entry.buttonTextInfo);
  put(FIELD.trainNo, dto.train_no);
  put(FIELD.code, dto.station_train_code);
  put(FIELD.origin, dto.start_station_telecode);
  put(FIELD.terminus, dto.end_station_telecode);
  put(FIELD.from, dto.from_station_telecode);
  put(FIELD.to, dto.to_station_telecode);
  put(FIELD.startTime, dto.start_time);
  put(FIELD.arriveTime, dto.arrive_time);
  put(FIELD.lishi, dto.lishi);
  put(FIELD.canWebBuy, dto.canWebBuy);
  put(FIELD.ypInfo, dto.yp_info);
  put(FIELD.startTrainDate, dto.start_train_date);
  put(FIELD.fromNo, dto.from_station_no);
  put(FIELD.toNo, dto.to_station_no);
  put(FIELD.ybNum, dto.yb_num);
  put(FIELD.seatTypes, dto.seat_types);
  put(FIELD.ypInfoNew, dto.yp_info_new);
  put(FIELD.saleTime, dto.sale_time);
  // Older objects lack the newer classes (srrb_num): absent there means not on this train.
  for (const c of SEAT_CLASSES) put(c.index, dto[c.field]);
  return f.join('|');
}

export function decodeObjects(entries: unknown[], ctx: LeftTicketContext): DecodeResult<LeftTicketResult> {
  const issues: DecodeIssue[] = [];
  const names: Record<string, string> = {};
  let readable = 0;
  const result = decodeRows('object', entries, names, ctx, issues, (e, i) => {
    const dto = isObj(e) ? e.queryLeftNewDTO : undefined;
    if (!isObj(e) || !isObj(dto)) {
      issues.push({ code: 'row-bad-field', row: i, field: 'queryLeftNewDTO', message: `entry ${i}: no queryLeftNewDTO object`, sample: excerpt(JSON.stringify(e) ?? '', 60) });
      return undefined;
    }
    readable++;
    for (const [code, name] of [
      [dto.start_station_telecode, dto.start_station_name],
      [dto.end_station_telecode, dto.end_station_name],
      [dto.from_station_telecode, dto.from_station_name],
      [dto.to_station_telecode, dto.to_station_name],
    ] as const) {
      if (typeof code === 'string' && typeof name === 'string' && name && !(code in names)) names[code] = name;
    }
    if (!SEAT_CLASSES.some((c) => c.field in dto)) {
      issues.push({ code: 'row-short', row: i, message: `entry ${i}: no seat count fields (*_num) at all` });
    }
    const dd = str(dto.day_difference);
    const lishi = str(dto.lishi);
    const st = hm(str(dto.start_time));
    const du = duration(lishi);
    if (/^\d+$/.test(dd) && st >= 0 && du >= 0 && !(st === 1440 && du === 5999) && Number(dd) !== Math.floor((st + du) / 1440)) {
      issues.push({ code: 'row-bad-field', row: i, field: 'day_difference', message: `entry ${i}: day_difference ${dd} disagrees with lishi ${lishi}`, sample: dd });
    }
    return pipeFromObject(e, dto);
  });
  if (entries.length > 0 && readable === 0) {
    return fail('schema', 'left-ticket: data[] holds no queryLeftNewDTO entries', '余票查询：data[] 中没有 queryLeftNewDTO', { sample: excerpt(JSON.stringify(entries[0]) ?? '') });
  }
  return result;
}

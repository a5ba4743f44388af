// One flight as the Fliggy JSONP names it — flightNo, depAirport/arrAirport, depTime/arrTime,
// depTerm/arrTerm — whether it is a whole item or one leg of a connection (`transferFlight[k]`,
// same field names: a connection lists its flights in place of its own number and times).
import type { AirLeg } from '../../model';
import { type DecodeIssue, excerpt } from '../../result';
import { iata, isObj, str } from '../../loose';
import { arrivalInstant, parseDateTime } from './times';

/** Terminal text: "T2" kept, "", "--" and "-" are "not given". */
const terminal = (v: unknown) => {
  const t = str(v);
  return t && !/^-+$/.test(t) ? t : undefined;
};

/**
 * The flight at `field`, or an issue naming what is missing or malformed (row = the item's index
 * in data.flight, so a bad leg is counted against its connection).
 */
export function readSegment(v: unknown, field: string, row: number, issues: DecodeIssue[]): AirLeg | undefined {
  if (!isObj(v)) {
    issues.push({ code: 'row-bad-field', row, field, message: `${field} is not an object` });
    return undefined;
  }
  const flightNo = str(v.flightNo)?.toUpperCase();
  const dep = iata(v.depAirport);
  const arr = iata(v.arrAirport);
  const depText = str(v.depTime);
  const arrText = str(v.arrTime);
  const depart = depText ? parseDateTime(depText) : undefined;
  const arrive = arrText && depart !== undefined ? arrivalInstant(arrText, depart) : undefined;
  const bad = [
    !flightNo && 'flightNo',
    !dep && 'depAirport',
    !arr && 'arrAirport',
    depart === undefined && 'depTime',
    arrive === undefined && 'arrTime',
  ].filter((x): x is string => Boolean(x));
  if (bad.length || !flightNo || !dep || !arr || depart === undefined || arrive === undefined) {
    issues.push({
      code: 'row-bad-field',
      row,
      field: `${field}.${bad[0]}`,
      message: `${field}${flightNo ? ` (${flightNo})` : ''}: missing or malformed ${bad.join(', ')}`,
      sample: excerpt(JSON.stringify(v), 120),
    });
    return undefined;
  }
  if (arrive <= depart) {
    issues.push({ code: 'row-bad-field', row, field: `${field}.arrTime`, message: `${field} (${flightNo}): arrival is not after departure` });
    return undefined;
  }
  const leg: AirLeg = { flightNo, from: { code: dep }, to: { code: arr }, depart, arrive };
  const depTerm = terminal(v.depTerm);
  const arrTerm = terminal(v.arrTerm);
  if (depTerm) leg.from.terminal = depTerm;
  if (arrTerm) leg.to.terminal = arrTerm;
  return leg;
}

/**
 * The legs of a connection (`transferFlight[]`), in order, or one issue saying what is wrong:
 * not a list, fewer than two flights, a leg unreadable, or a leg leaving before the one before
 * it lands.
 */
export function readLegs(v: unknown, field: string, row: number, issues: DecodeIssue[]): AirLeg[] | undefined {
  if (!Array.isArray(v) || v.length < 2) {
    const what = Array.isArray(v) ? `${v.length} flight(s), a connection needs two or more` : 'missing or not a list';
    issues.push({ code: 'row-bad-field', row, field, message: `${field}: ${what}`, sample: excerpt(JSON.stringify(v) ?? String(v), 120) });
    return undefined;
  }
  const legs: AirLeg[] = [];
  for (let k = 0; k < v.length; k++) {
    const leg = readSegment(v[k], `${field}[${k}]`, row, issues);
    if (!leg) return undefined;
    const prev = legs[k - 1];
    if (prev && leg.depart < prev.arrive) {
      issues.push({
        code: 'row-bad-field',
        row,
        field: `${field}[${k}].depTime`,
        message: `${field}[${k}] (${leg.flightNo}) leaves before ${prev.flightNo} lands`,
      });
      return undefined;
    }
    legs.push(leg);
  }
  return legs;
}

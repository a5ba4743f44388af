// The verdict: one or two sentences, zh-CN and en, comparing the fastest train that can be
// bought with the cheapest flight that can be bought (door to door and price, naming the class
// each price is for), when the earliest option reaches the door (a clock time), then what the
// reader should know about the data (one side missing, everything sold out, stale sources).
// Only options that rank take part: nothing departed, not on sale, restricted to other
// travellers or outside the user's filters.
import { formatYuan, type Bilingual } from '../i18n';
import { TRAIN_TYPE_NAMES } from '../rail/train-types';
import { formatDuration } from '../time';
import type { Rankings } from './rank';
import type { ComparedOption, Comparison, SourceInfo } from './types';


function byKeys(a: ComparedOption, b: ComparedOption, keys: ((o: ComparedOption) => number)[]): number {
  for (const k of keys) {
    const d = k(a) - k(b);
    if (d !== 0) return d;
  }
  return 0;
}
const priceKey = (o: ComparedOption) => o.price ?? Number.POSITIVE_INFINITY;
const d2dKey = (o: ComparedOption) => o.doorToDoorMin;
const live = (o: ComparedOption) => !o.soldOut && o.excluded === undefined;

/** Fastest buyable train (then cheapest). */
export function bestTrain(options: readonly ComparedOption[]): ComparedOption | undefined {
  return options
    .filter((o) => o.option.mode === 'rail' && live(o))
    .sort((a, b) => byKeys(a, b, [d2dKey, priceKey]))[0];
}

/** Cheapest buyable flight (then fastest). */
/** Taxes-in price for choosing: a bare fare (no taxes given) would look cheaper than it is. */
const taxedPriceKey = (o: ComparedOption) => (o.priceIncludesTaxes ? priceKey(o) : Number.POSITIVE_INFINITY);

export function bestFlight(options: readonly ComparedOption[]): ComparedOption | undefined {
  return options
    .filter((o) => o.option.mode === 'air' && live(o))
    .sort((a, b) => byKeys(a, b, [taxedPriceKey, d2dKey]))[0];
}

function cheapestOf(options: readonly ComparedOption[], mode: 'rail' | 'air'): ComparedOption | undefined {
  return options
    .filter((o) => o.option.mode === mode && live(o) && o.price !== undefined && o.priceIncludesTaxes)
    .sort((a, b) => byKeys(a, b, [priceKey, d2dKey]))[0];
}

const lowerFirst = (s: string) => (s ? s[0]!.toLowerCase() + s.slice(1) : s);

/** "二等座 ¥553", "经济舱（限16–25周岁）¥387": the class the price is for, then the price. */
function priceText(o: ComparedOption): Bilingual {
  const c = o.priceClass;
  const cond = o.priceCondition?.text;
  const cls: Bilingual = {
    zh: `${c ? c.zh : ''}${cond ? `（${cond.zh}）` : ''}`,
    en: `${c ? lowerFirst(c.en) : ''}${cond ? ` (${cond.en})` : ''}`,
  };
  const lead = (t: Bilingual): Bilingual => ({ zh: cls.zh ? `${cls.zh} ${t.zh}` : t.zh, en: cls.en ? `${cls.en} ${t.en}` : t.en });
  if (o.price === undefined) return lead({ zh: '票价未知', en: 'fare unknown' });
  const p = formatYuan(o.price);
  return lead(o.priceIncludesTaxes ? { zh: p, en: p } : { zh: `${p}（未含税费）`, en: `${p} (excl. taxes)` });
}

function describe(o: ComparedOption): Bilingual {
  const p = priceText(o);
  const zhD = formatDuration(o.doorToDoorMin, 'zh');
  const enD = formatDuration(o.doorToDoorMin, 'en');
  if (o.option.mode === 'rail') {
    const { zh, en } = TRAIN_TYPE_NAMES[o.option.type];
    return {
      zh: `${zh} ${o.option.code} ${p.zh}，门到门 ${zhD}`,
      en: `${en} ${o.option.code} ${p.en}, ${enD} door to door`,
    };
  }
  return {
    zh: `最便宜航班 ${o.option.flightNo} ${p.zh}，门到门 ${zhD}`,
    en: `cheapest flight ${o.option.flightNo} ${p.en}, ${enD} door to door`,
  };
}

/** A lead under an hour reads "50 分钟" (as in the product's own wording); longer ones "1小时5分". */
function leadZh(min: number): string {
  return min < 60 ? `${min} 分钟` : formatDuration(min, 'zh');
}

function difference(train: ComparedOption, flight: ComparedOption): Bilingual {
  const dt = train.doorToDoorMin - flight.doorToDoorMin;
  const planeLeads = dt >= 0;
  const lead = planeLeads ? { zh: '飞机', en: 'the plane' } : { zh: '火车', en: 'the train' };
  const time: Bilingual =
    dt === 0
      ? { zh: '门到门时间相同', en: 'takes the same time door to door' }
      : { zh: `快 ${leadZh(Math.abs(dt))}`, en: `is ${formatDuration(Math.abs(dt), 'en')} faster` };
  let money: Bilingual | undefined;
  if (train.price !== undefined && flight.price !== undefined) {
    // Price of the leading mode minus the other one. A bare fare (the source gave no taxes) only
    // grows with its taxes: a flight already dearer bare is dearer by at least that much; one
    // cheaper bare cannot be called cheaper.
    const dp = planeLeads ? flight.price - train.price : train.price - flight.price;
    const bare = !flight.priceIncludesTaxes;
    const flightDearer = flight.price > train.price;
    if (!bare || flightDearer) {
      const zhLeast = bare ? '至少' : '';
      const enLeast = bare ? 'at least ' : '';
      money =
        dp === 0
          ? { zh: '价格相同', en: 'at the same price' }
          : dp > 0
            ? { zh: `${zhLeast}贵 ${formatYuan(dp)}`, en: `${enLeast}${formatYuan(dp)} dearer` }
            : { zh: `${zhLeast}便宜 ${formatYuan(-dp)}`, en: `${enLeast}${formatYuan(-dp)} cheaper` };
    }
  }
  const joinEn = dt === 0 ? ', ' : ' and ';
  return {
    zh: `${lead.zh}${time.zh}${money ? `，${money.zh}` : ''}`,
    en: `${lead.en} ${time.en}${money ? `${joinEn}${money.en}` : ''}`,
  };
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function modeSummary(options: readonly ComparedOption[], mode: 'rail' | 'air'): Bilingual | undefined {
  const all = options.filter((o) => o.option.mode === mode);
  const best = mode === 'rail' ? bestTrain(options) : bestFlight(options);
  const noun = mode === 'rail' ? { zh: '火车', en: 'trains' } : { zh: '航班', en: 'flights' };
  if (all.length === 0) return { zh: `没有${noun.zh}`, en: `no ${noun.en}` };
  if (!best) return noneLeft(all, noun, mode === 'rail' ? '趟' : '班');
  const d = describe(best);
  if (mode === 'rail') {
    const cheap = cheapestOf(options, 'rail');
    if (cheap && cheap.id !== best.id && cheap.price! < (best.price ?? Infinity)) {
      const c = describe(cheap);
      return { zh: `最快 ${d.zh}；最便宜 ${c.zh}`, en: `fastest: ${d.en}; cheapest: ${c.en}` };
    }
  }
  return d;
}

/** Why no option of a mode takes part: all gone, all filtered out, or none buyable. */
function noneLeft(all: readonly ComparedOption[], noun: Bilingual, unit: string): Bilingual {
  if (all.every((o) => o.departed)) return { zh: `${noun.zh}均已出发（${all.length} ${unit}）`, en: `all ${all.length} ${noun.en} have left` };
  // What the filters leave (departed ones are listed but never counted as choices).
  const kept = all.filter((o) => !o.departed && o.excluded !== 'filtered');
  if (kept.length === 0) return { zh: `没有符合筛选条件的${noun.zh}`, en: `no ${noun.en} match the filters` };
  if (kept.some((o) => o.excluded === 'conditional-only')) {
    return { zh: `${noun.zh}只剩限制票价（学生、年龄、会员等）`, en: `${noun.en} left only at restricted fares (age, student, member…)` };
  }
  const n = kept.length;
  const which = kept.length < all.length ? { zh: '符合筛选条件的', en: ' matching the filters' } : { zh: '', en: '' };
  return { zh: `${which.zh}${noun.zh}全部无票（${n} ${unit}）`, en: `all ${n} ${noun.en}${which.en} sold out` };
}

/** "最早到达：MU5102 10:20 到门" — a clock time, with +1 for the next day. */
function earliestText(options: readonly ComparedOption[], id: string | undefined): Bilingual | undefined {
  const o = id === undefined ? undefined : options.find((x) => x.id === id);
  if (!o) return undefined;
  const code = o.option.mode === 'rail' ? o.option.code : o.option.flightNo;
  const t = o.reachDoorAt.text;
  return { zh: `最早到达：${code} ${t} 到门`, en: `earliest at the door: ${code} at ${t}` };
}

function ageText(info: SourceInfo | undefined, which: Bilingual): Bilingual | undefined {
  if (!info?.stale) return undefined;
  return {
    zh: `${which.zh}数据是 ${formatDuration(info.ageMin, 'zh')}前获取的，余票和价格可能已变`,
    en: `${which.en} data is ${formatDuration(info.ageMin, 'en')} old; seats and prices may have changed`,
  };
}

export function verdict(c: Pick<Comparison, 'options' | 'sources' | 'partial'> & { rankings?: Rankings }): Bilingual {
  const { options, sources, partial } = c;
  const train = bestTrain(options);
  const flight = bestFlight(options);
  let first: Bilingual;
  if (partial === null && train && flight) {
    const t = describe(train);
    const f = describe(flight);
    const d = difference(train, flight);
    first = { zh: `${t.zh}；${f.zh}：${d.zh}。`, en: `${capitalise(t.en)}; ${f.en}: ${d.en}.` };
  } else {
    const parts: Bilingual[] = [];
    if (sources.rail) parts.push(modeSummary(options, 'rail')!);
    if (sources.air) parts.push(modeSummary(options, 'air')!);
    first = {
      zh: `${parts.map((p) => p.zh).join('；')}。`,
      en: `${capitalise(parts.map((p) => p.en).join('; '))}.`,
    };
  }
  const earliest = earliestText(options, c.rankings?.earliestArrival);
  if (earliest) first = { zh: `${first.zh}${earliest.zh}。`, en: `${first.en} ${capitalise(earliest.en)}.` };
  const notes: Bilingual[] = [];
  if (partial === 'rail-only') notes.push({ zh: '没有航班数据，只比较了火车', en: 'No flight data: trains only' });
  if (partial === 'air-only') notes.push({ zh: '没有火车数据，只比较了航班', en: 'No train data: flights only' });
  const railAge = ageText(sources.rail, { zh: '火车', en: 'train' });
  const airAge = ageText(sources.air, { zh: '航班', en: 'flight' });
  if (railAge) notes.push(railAge);
  if (airAge) notes.push(airAge);
  if (notes.length === 0) return first;
  return {
    zh: `${first.zh}${notes.map((n) => n.zh).join('；')}。`,
    en: `${first.en} ${capitalise(notes.map((n) => n.en).join('; '))}.`,
  };
}

// 12306 student queries (purpose_codes=0X00): the answer's prices cannot be confirmed to be
// student prices, so every train of a student answer says so beside its price (issue 9).
import { describe, expect, it } from 'vitest';
import { compare } from '../../../lib/compare';
import { optionPrice, STUDENT_FARE_NOTE } from '../../../lib/compare/price';
import { at, count, none, plenty, railResult, seat, train } from './make';

const NOW = at('06:00');
const g1 = train('G1', 'VNP', 'AOH', '09:00', '13:28', [seat('zy', 93300, plenty), seat('ze', 55300, count(5))]);
const gone = train('G3', 'VNP', 'AOH', '10:00', '14:28', [seat('ze', 55300, none)]);

describe('student fares', () => {
  it('a student answer says "学生票价以 12306 为准" beside the price, in both languages', () => {
    const p = optionPrice(g1, { purpose: 'student' });
    expect(p.price).toBe(55300);
    expect(p.note).toEqual({ zh: `二等座，${STUDENT_FARE_NOTE.zh}`, en: 'Second class; student fares as 12306 confirms' });
    expect(STUDENT_FARE_NOTE).toEqual({ zh: '学生票价以 12306 为准', en: 'Student fares as 12306 confirms' });
    // Sold out too: the lowest fare it names is 12306's, not a confirmed student fare.
    expect(optionPrice(gone, { purpose: 'student' }).note?.zh).toBe(`无票（最低票价 ¥553），${STUDENT_FARE_NOTE.zh}`);
  });

  it('an adult answer, or one whose query is unknown, has no such note', () => {
    expect(optionPrice(g1, { purpose: 'adult' }).note).toEqual({ zh: '二等座', en: 'Second class' });
    expect(optionPrice(g1).note).toEqual({ zh: '二等座', en: 'Second class' });
  });

  it('compare() carries the note into each train\'s priceNote when the rail result is a student query', () => {
    const student = compare({ now: NOW, rail: { result: { ...railResult([g1, gone]), purpose: 'student' }, fetchedAt: NOW } }, { lang: 'en' });
    expect(student.ok && student.value.options.map((o) => o.priceNote)).toEqual([
      'Second class; student fares as 12306 confirms',
      'sold out (fares from ¥553); student fares as 12306 confirms',
    ]);
    const adult = compare({ now: NOW, rail: { result: { ...railResult([g1]), purpose: 'adult' }, fetchedAt: NOW } }, { lang: 'zh-CN' });
    expect(adult.ok && adult.value.options[0]!.priceNote).toBe('二等座');
  });
});

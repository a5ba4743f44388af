// The words for "not on sale yet" that travel with a rail answer (the one bilingual error shape).
import type { Bilingual } from '../i18n';
import type { EpochMs } from '../model';
import { chinaHm, dateParts } from '../time';

export function notOnSaleText(opens: { day: string; at?: EpochMs }): Bilingual {
  const [, m, d] = dateParts(opens.day);
  const hm = opens.at !== undefined ? chinaHm(opens.at) : undefined;
  return {
    zh: `12306 尚未开售这一天的车票：${m}月${d}日${hm ? ` ${hm}` : ''} 开售`,
    en: `12306 does not sell this day yet: on sale ${m}-${d}${hm ? ` at ${hm}` : ''} (China time)`,
  };
}

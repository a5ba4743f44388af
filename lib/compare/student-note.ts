// The caveat beside prices from a 12306 student query: its answer cannot be confirmed to hold
// student prices. Its own file so the overlays can say it without carrying the price rules.
import type { Bilingual } from '../i18n';

export const STUDENT_FARE_NOTE: Bilingual = { zh: '学生票价以 12306 为准', en: 'Student fares as 12306 confirms' };

// What each train type letter is called, for every screen that names it (the verdict, the popup).
import type { Bilingual } from '../i18n';
import type { TrainType } from '../model';

export const TRAIN_TYPE_NAMES: Record<TrainType, Bilingual> = {
  G: { zh: '高铁', en: 'High-speed' },
  D: { zh: '动车', en: 'EMU' },
  C: { zh: '城际', en: 'Intercity' },
  Z: { zh: '直达', en: 'Direct express' },
  T: { zh: '特快', en: 'Express' },
  K: { zh: '快速', en: 'Fast train' },
  S: { zh: '市郊', en: 'Suburban' },
  Y: { zh: '旅游列车', en: 'Tourist train' },
  L: { zh: '临客', en: 'Extra train' },
  number: { zh: '普快', en: 'Train' },
  other: { zh: '列车', en: 'Train' },
};

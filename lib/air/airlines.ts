// Two-letter (IATA) codes of the main Chinese carriers → the short Chinese names that booking
// sites show. Used only when a response does not carry its own name map (TOP's
// airline_info_map, Fliggy's aircodeNameMap win when present).

export const AIRLINE_NAMES: Readonly<Record<string, string>> = {
  CA: '中国国航',
  MU: '东方航空',
  CZ: '南方航空',
  HU: '海南航空',
  '3U': '四川航空',
  ZH: '深圳航空',
  MF: '厦门航空',
  FM: '上海航空',
  SC: '山东航空',
  '9C': '春秋航空',
  HO: '吉祥航空',
  KN: '中国联航',
  GS: '天津航空',
  '8L': '祥鹏航空',
  JD: '首都航空',
  PN: '西部航空',
  G5: '华夏航空',
  EU: '成都航空',
  TV: '西藏航空',
  BK: '奥凯航空',
  KY: '昆明航空',
  NS: '河北航空',
  GJ: '长龙航空',
  QW: '青岛航空',
  AQ: '九元航空',
  DZ: '东海航空',
  GX: '北部湾航空',
  UQ: '乌鲁木齐航空',
  DR: '瑞丽航空',
};

/** Airline code from a flight number ("3U8881" → "3U"), or undefined when it does not look like one. */
export function airlineOfFlight(flightNo: string): string | undefined {
  const m = /^([A-Z0-9]{2})\d{1,4}[A-Z]?$/.exec(flightNo);
  return m?.[1];
}

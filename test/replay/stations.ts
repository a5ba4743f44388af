// The replay's station list: a small hand-written set of real stations (real telecodes, real
// city codes) covering every route the replay serves, rendered in 12306's current 11-field
// station_name.js format: @abbr|name|telecode|pinyin|initials|index|cityCode|cityName|||

export interface ReplayStation {
  name: string;
  telecode: string;
  pinyin: string;
  /** 12306's three-letter pinyin abbreviation (first field). */
  abbr: string;
  initials: string;
  cityCode: string;
  cityName: string;
}

const s = (
  name: string,
  telecode: string,
  pinyin: string,
  abbr: string,
  initials: string,
  cityCode: string,
  cityName: string,
): ReplayStation => ({ name, telecode, pinyin, abbr, initials, cityCode, cityName });

export const REPLAY_STATIONS: readonly ReplayStation[] = [
  s('北京', 'BJP', 'beijing', 'bji', 'bj', '0357', '北京'),
  s('北京南', 'VNP', 'beijingnan', 'bjn', 'bjn', '0357', '北京'),
  s('北京西', 'BXP', 'beijingxi', 'bjx', 'bjx', '0357', '北京'),
  s('北京北', 'VAP', 'beijingbei', 'bjb', 'bjb', '0357', '北京'),
  s('北京丰台', 'FTP', 'beijingfengtai', 'bjt', 'bjft', '0357', '北京'),
  s('北京朝阳', 'IFP', 'beijingchaoyang', 'bjy', 'bjcy', '0357', '北京'),
  s('上海', 'SHH', 'shanghai', 'sha', 'sh', '0712', '上海'),
  s('上海虹桥', 'AOH', 'shanghaihongqiao', 'shq', 'shhq', '0712', '上海'),
  s('上海南', 'SNH', 'shanghainan', 'shn', 'shn', '0712', '上海'),
  s('天津', 'TJP', 'tianjin', 'tji', 'tj', '0359', '天津'),
  s('天津西', 'TXP', 'tianjinxi', 'tjx', 'tjx', '0359', '天津'),
  s('南京南', 'NKH', 'nanjingnan', 'njn', 'njn', '0705', '南京'),
  s('杭州东', 'HGH', 'hangzhoudong', 'hzd', 'hzd', '0904', '杭州'),
  s('郑州东', 'ZAF', 'zhengzhoudong', 'zzd', 'zzd', '1222', '郑州'),
  s('武汉', 'WHN', 'wuhan', 'wha', 'wh', '1314', '武汉'),
  s('长沙南', 'CWQ', 'changshanan', 'csn', 'csn', '1407', '长沙'),
  s('广州', 'GZQ', 'guangzhou', 'gzh', 'gz', '1502', '广州'),
  s('广州南', 'IZQ', 'guangzhounan', 'gzn', 'gzn', '1502', '广州'),
  s('深圳', 'SZQ', 'shenzhen', 'szh', 'sz', '1505', '深圳'),
  s('深圳北', 'IOQ', 'shenzhenbei', 'szb', 'szb', '1505', '深圳'),
  s('福田', 'NZQ', 'futian', 'fti', 'ft', '1505', '深圳'),
  s('成都', 'CDW', 'chengdu', 'cdu', 'cd', '1707', '成都'),
  s('成都东', 'ICW', 'chengdudong', 'cdd', 'cdd', '1707', '成都'),
  s('重庆北', 'CUW', 'chongqingbei', 'cqb', 'cqb', '1717', '重庆'),
  s('西安', 'XAY', 'xian', 'xan', 'xa', '2003', '西安'),
  s('西安北', 'EAY', 'xianbei', 'xab', 'xab', '2003', '西安'),
  s('天津南', 'TIP', 'tianjinnan', 'tjn', 'tjn', '0359', '天津'),
  s('南京', 'NJH', 'nanjing', 'nji', 'nj', '0705', '南京'),
  s('杭州', 'HZH', 'hangzhou', 'hzh', 'hz', '0904', '杭州'),
  s('郑州', 'ZZF', 'zhengzhou', 'zzh', 'zz', '1222', '郑州'),
  s('汉口', 'HKN', 'hankou', 'hko', 'hk', '1314', '武汉'),
  s('武昌', 'WCN', 'wuchang', 'wch', 'wc', '1314', '武汉'),
  s('长沙', 'CSQ', 'changsha', 'csh', 'cs', '1407', '长沙'),
  s('广州东', 'GGQ', 'guangzhoudong', 'gzd', 'gzd', '1502', '广州'),
  s('重庆', 'CQW', 'chongqing', 'cqi', 'cq', '1717', '重庆'),
  s('重庆西', 'CXW', 'chongqingxi', 'cqx', 'cqx', '1717', '重庆'),
  s('昆明', 'KMM', 'kunming', 'kmi', 'km', '1902', '昆明'),
  s('昆明南', 'KOM', 'kunmingnan', 'kmn', 'kmn', '1902', '昆明'),
  s('厦门', 'XMS', 'xiamen', 'xme', 'xm', '1010', '厦门'),
  s('厦门北', 'XKS', 'xiamenbei', 'xmb', 'xmb', '1010', '厦门'),
];

const byTelecode = new Map(REPLAY_STATIONS.map((st) => [st.telecode, st]));

export function stationByTelecode(telecode: string): ReplayStation | undefined {
  return byTelecode.get(telecode);
}

/** All stations of the city the given station belongs to (北京南 → 北京, 北京南, 北京西, …). */
export function cityStations(telecode: string): ReplayStation[] {
  const st = byTelecode.get(telecode);
  if (!st) return [];
  return REPLAY_STATIONS.filter((o) => o.cityCode === st.cityCode);
}

/** The body of /otn/resources/js/framework/station_name.js, 11-field format. */
export function stationNameJs(stations: readonly ReplayStation[] = REPLAY_STATIONS): string {
  const records = stations
    .map((st, i) => `@${st.abbr}|${st.name}|${st.telecode}|${st.pinyin}|${st.initials}|${i}|${st.cityCode}|${st.cityName}|||`)
    .join('');
  return `var station_names ='${records}';`;
}

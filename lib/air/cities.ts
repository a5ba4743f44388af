// Mainland Chinese cities with scheduled civil flights: IATA city code, airports (short Chinese
// names), and the city name as 12306's station list files it (field 8 of the 11-field list),
// so a rail query and a flight search can be matched to the same place.
//
// `name` follows 12306's grouping, which is by prefecture (延吉 → 延边, 满洲里 → 呼伦贝尔,
// 敦煌 → 酒泉): several airport cities can share one `name`, and `airName` keeps the name airlines
// and Fliggy use when it differs. Cities 12306 does not list (no railway: 舟山, 稻城, 果洛, …)
// keep their own name. Closed airports (南苑 NAY, 达州河市 DAX, 青岛流亭) are left out; newer ones
// (大兴 PKX, 天府 TFU, 嘉兴 JNH, 丽水 LIJ, 蚌埠 BFY, 亳州 BZJ, 瑞金 JRJ, …) are in.
// Checked against ../shared/fixtures in test/corpus/cities.test.ts.

export interface AirAirport {
  /** IATA airport code (PEK). */
  code: string;
  /** Short Chinese name, without the city and 国际机场 (首都, 大兴, 虹桥). */
  name: string;
}

export interface AirCity {
  /** IATA city code (BJS, SHA, SIA; for most cities the same as its one airport). */
  code: string;
  /** City name exactly as 12306's station list writes it (北京, 延边, 呼伦贝尔). */
  name: string;
  /** The city as airlines name it, when 12306 files it under another city (延吉, 满洲里). */
  airName?: string;
  airports: AirAirport[];
}

// One city per line: IATA city code, the 12306 name ("/" and the airlines' name when they
// differ), then its airports, each as its IATA code and short name; the code is left out when it
// is the city's own (most cities: TSN 天津 滨海). Kept as text rather than object literals: the
// table is a quarter of the worker's data, and this form is half the size once gzipped.
const TABLE = `
BJS 北京 PEK首都 PKX大兴
TSN 天津 滨海
SJW 石家庄 正定
HDG 邯郸 邯郸
BPE 秦皇岛 北戴河
ZQZ 张家口 宁远
TVS 唐山 三女河
CDE 承德 普宁
XNT 邢台 褡裢
TYN 太原 武宿
DAT 大同 云冈
LFQ 临汾 尧都
CIH 长治 王村
SZH 朔州 滋润
WUT 忻州/五台山 五台山
LLV 吕梁 大武
YCU 运城 盐湖
HET 呼和浩特 白塔
BAV 包头 东河
DSN 鄂尔多斯 伊金霍洛
HLD 呼伦贝尔/海拉尔 海拉尔
CIF 赤峰 玉龙
TGO 通辽 通辽
WUA 乌海 乌海
XIL 锡林郭勒/锡林浩特 锡林浩特
ERL 二连浩特 赛乌苏
NZH 呼伦贝尔/满洲里 西郊
UCB 乌兰察布 集宁
RLK 巴彦淖尔 天吉泰
HLH 兴安/乌兰浩特 义勒力特
YIE 兴安/阿尔山 伊尔施
HUO 通辽/霍林郭勒 霍林河
NZL 呼伦贝尔/扎兰屯 成吉思汗
AXF 阿拉善/阿拉善左旗 巴彦浩特
RHT 阿拉善/阿拉善右旗 巴丹吉林
EJN 阿拉善/额济纳旗 桃来
SHE 沈阳 桃仙
DLC 大连 周水子
CNI 大连/长海 大长山岛
DDG 丹东 浪头
JNZ 锦州 锦州湾
AOG 鞍山 腾鳌
CHG 朝阳 朝阳
YKH 营口 兰旗
CGQ 长春 龙嘉
NBS 白山/长白山 长白山
DBC 白城 长安
TNH 通化 三源浦
YNJ 延边/延吉 朝阳川
YSQ 松原 查干湖
HRB 哈尔滨 太平
DQA 大庆 萨尔图
JMU 佳木斯 松江
MDG 牡丹江 海浪
HEK 黑河 瑷珲
JGD 加格达奇 鄂伦春
OHE 加格达奇/漠河 古莲
FYJ 佳木斯/抚远 东极
NDG 齐齐哈尔 三家子
JXA 鸡西 兴凯湖
LDS 伊春 林都
DTU 黑河/五大连池 德都
JSJ 佳木斯/建三江 湿地
SHA 上海 虹桥 PVG浦东
NKG 南京 禄口
WUX 无锡 硕放
CZX 常州 奔牛
NTG 南通 兴东
YTY 扬州 扬州泰州
XUZ 徐州 观音
HIA 淮安 涟水
YNZ 盐城 南洋
LYG 连云港 花果山
HGH 杭州 萧山
NGB 宁波 栎社
WNZ 温州 龙湾
YIW 金华/义乌 义乌
HSN 舟山 普陀山
HYN 台州 路桥
JUZ 衢州 衢州
JNH 嘉兴 南湖
LIJ 丽水 丽水
HFE 合肥 新桥
TXN 黄山 屯溪
WHA 芜湖 宣州
FUG 阜阳 西关
AQG 安庆 天柱山
JUH 池州 九华山
BFY 蚌埠 滕湖
BZJ 亳州 亳州
XMN 厦门 高崎
FOC 福州 长乐
JJN 泉州 晋江
WUS 南平/武夷山 武夷山
LCX 龙岩/连城 冠豸山
SQJ 三明 沙县
KHN 南昌 昌北
KOW 赣州 黄金
JDZ 景德镇 罗家
JGS 吉安/井冈山 井冈山
YIC 宜春 明月山
SQD 上饶 三清山
JIU 九江 庐山
JRJ 赣州/瑞金 瑞金
TNA 济南 遥墙
TAO 青岛 胶东
YNT 烟台 蓬莱
WEH 威海 大水泊
LYI 临沂 启阳
JNG 济宁 大安
RIZ 日照 山字河
WEF 潍坊 南苑
HZA 菏泽 牡丹
DOY 东营 胜利
CGO 郑州 新郑
LYA 洛阳 北郊
NNY 南阳 姜营
XAI 信阳 明港
HQQ 安阳 红旗渠
WUH 武汉 天河
EHU 鄂州 花湖
YIH 宜昌 三峡
XFN 襄阳 刘集
ENH 恩施 许家坪
SHS 荆州 沙市
WDS 十堰 武当山
HPG 神农架 红坪
CSX 长沙 黄花
DYG 张家界 荷花
CGD 常德 桃花源
HJJ 怀化 芷江
HCZ 郴州 北湖
HNY 衡阳 南岳
LLF 永州 零陵
WGN 邵阳 武冈
YYA 岳阳 三荷
DXJ 吉首/湘西 边城
CAN 广州 白云
SZX 深圳 宝安
ZUH 珠海 金湾
SWA 揭阳 潮汕
HUZ 惠州 平潭
ZHA 湛江 吴川
FUO 佛山 沙堤
MXZ 梅州 梅县
HSC 韶关 丹霞
NNG 南宁 吴圩
KWL 桂林 两江
BHY 北海 福成
LZH 柳州 白莲
AEB 百色 巴马
WUZ 梧州 西江
YLX 玉林 福绵
HCJ 河池 金城江
HAK 海口 美兰
SYX 三亚 凤凰
BAR 琼海 博鳌
CKG 重庆 江北
JIQ 黔江 武陵山
CQW 武隆 仙女山
WXN 万州 五桥
WSK 巫山 巫山
CTU 成都 双流 TFU天府
MIG 绵阳 南郊
LZO 泸州 云龙
YBP 宜宾 五粮液
NAO 南充 高坪
XIC 西昌 青山
PZI 攀枝花 保安营
GYS 广元 盘龙
DZH 达州 金垭
BZX 巴中 恩阳
JZH 阿坝藏族羌族自治州/九寨沟 九寨黄龙
DCY 稻城 亚丁
KGT 康定 康定
GZG 甘孜 格萨尔
AHJ 阿坝藏族羌族自治州/红原 红原
LZG 南充/阆中 古城
KWE 贵阳 龙洞堡
ZYI 遵义 新舟 WMT茅台
ACX 兴义 万峰林
LPF 六盘水 月照
AVA 安顺 黄果树
BFJ 毕节 飞雄
TEN 铜仁 凤凰
KJH 凯里 黄平
HZH 凯里/黎平 黎平
LLB 都匀/荔波 荔波
KMG 昆明 长水
LJG 丽江 三义
JHG 景洪/西双版纳 嘎洒
LUM 芒市 芒市
DLU 大理 凤仪
DIG 香格里拉 香格里拉
BSD 保山 云瑞
TCZ 保山/腾冲 驼峰
LNJ 临沧 博尚
CWJ 临沧/沧源 佤山
JMJ 普洱/澜沧 景迈
SYM 普洱 思茅
WNH 文山 普者黑
ZAT 昭通 昭阳
NLH 丽江/宁蒗 泸沽湖
LXA 拉萨 贡嘎
RKZ 日喀则 和平
BPX 昌都 邦达
LZY 林芝 米林
NGQ 阿里 昆莎
LGZ 山南/隆子 隆子
DDR 日喀则/定日 定日
SIA 西安 XIY咸阳
UYN 榆林 榆阳
ENY 延安 南泥湾
HZG 汉中 城固
AKA 安康 富强
LHW 兰州 中川
DNH 酒泉/敦煌 莫高
JGN 嘉峪关 嘉峪关
YZY 张掖 甘州
JIC 金昌 金川
THQ 天水 麦积山
LNL 陇南 成县
IQN 庆阳 西峰
GXH 甘南 夏河
XNN 西宁 曹家堡
GOQ 格尔木 格尔木
GMQ 果洛 玛沁
YUS 玉树 巴塘
HXD 德令哈 德令哈
HTT 茫崖/花土沟 花土沟
HBQ 海北州/祁连 祁连
INC 银川 河东
ZHY 中卫 沙坡头
GYU 固原 六盘山
URC 乌鲁木齐 天山
KHG 喀什 徕宁
HTN 和田 昆冈
KRL 库尔勒 梨城
AKU 阿克苏 红旗坡
HMI 哈密 伊州
AAT 阿勒泰 雪都
TLQ 吐鲁番 交河
BPL 博乐 阿拉山口
IQM 巴音郭楞蒙古自治州/且末 玉都
RQA 库尔勒/若羌 楼兰
QSZ 喀什/莎车 叶尔羌
KCA 阿克苏/库车 龟兹
SHF 石河子 花园
KRY 克拉玛依 古海
FYN 阿勒泰/富蕴 可可托海
KJI 阿勒泰/布尔津 喀纳斯
NLT 伊宁/那拉提 那拉提
TCG 塔城 千泉
YIN 伊宁 伊宁
YTW 和田/于田 万方
ACF 阿克苏/阿拉尔 塔里木
TWC 喀什/图木舒克 唐王城
HQL 喀什/塔什库尔干 红其拉甫
ZFL 伊宁/昭苏 天马
HJB 库尔勒/巴音布鲁克 巴音布鲁克
JBK 昌吉/奇台 江布拉克
DHH 哈密/巴里坤 大河
`;

/** TABLE read into cities; every line is the shape above (test/lib/air/cities.test.ts checks them all). */
function readTable(text: string): AirCity[] {
  const out: AirCity[] = [];
  for (const line of text.split('\n')) {
    const [code, names, ...airports] = line.split(' ');
    if (!code || !names) continue;
    const slash = names.indexOf('/');
    const city: AirCity = slash < 0 ? { code, name: names, airports: [] } : { code, name: names.slice(0, slash), airName: names.slice(slash + 1), airports: [] };
    for (const a of airports) city.airports.push(/^[A-Z]{3}/.test(a) ? { code: a.slice(0, 3), name: a.slice(3) } : { code, name: a });
    out.push(city);
  }
  return out;
}

export const CITIES: readonly AirCity[] = readTable(TABLE);

const byCode = new Map<string, AirCity>();
const byAirport = new Map<string, AirCity>();
const byName = new Map<string, AirCity[]>();
for (const city of CITIES) {
  byCode.set(city.code, city);
  for (const a of city.airports) byAirport.set(a.code, city);
  for (const key of new Set([city.name, city.airName ?? city.name])) {
    const list = byName.get(key) ?? [];
    list.push(city);
    byName.set(key, list);
  }
}

/** City by IATA city code (BJS → 北京). */
export function cityByCode(code: string): AirCity | undefined {
  return byCode.get(code.trim().toUpperCase());
}

/** City an airport belongs to (PKX → BJS 北京). */
export function cityOfAirport(airportCode: string): AirCity | undefined {
  return byAirport.get(airportCode.trim().toUpperCase());
}

/**
 * Every city filed under `name` by 12306 or named so by airlines (兴安 → 乌兰浩特 HLH and 阿尔山 YIE;
 * 延吉 → YNJ). Cities whose own airName matches come first.
 */
export function citiesByName(name: string): AirCity[] {
  const list = byName.get(name.trim()) ?? [];
  return [...list].sort((a, b) => rankFor(name.trim(), a) - rankFor(name.trim(), b));
}

function rankFor(name: string, c: AirCity): number {
  if (c.airName === name) return 0;
  if (!c.airName && c.name === name) return 1;
  return 2;
}

/**
 * The city called `name`: the one airlines call so (延吉 → YNJ), else the prefecture's own
 * airport city (呼伦贝尔 → none of its own, so the first filed under it: HLD 海拉尔).
 */
export function cityByName(name: string): AirCity | undefined {
  return citiesByName(name)[0];
}

/** Chinese short name of an airport (PKX → 大兴). */
export function airportName(airportCode: string): string | undefined {
  const code = airportCode.trim().toUpperCase();
  return byAirport.get(code)?.airports.find((a) => a.code === code)?.name;
}

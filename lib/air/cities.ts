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

export const CITIES: readonly AirCity[] = [
  { code: 'BJS', name: '北京', airports: [{ code: 'PEK', name: '首都' }, { code: 'PKX', name: '大兴' }] },
  { code: 'TSN', name: '天津', airports: [{ code: 'TSN', name: '滨海' }] },
  { code: 'SJW', name: '石家庄', airports: [{ code: 'SJW', name: '正定' }] },
  { code: 'HDG', name: '邯郸', airports: [{ code: 'HDG', name: '邯郸' }] },
  { code: 'BPE', name: '秦皇岛', airports: [{ code: 'BPE', name: '北戴河' }] },
  { code: 'ZQZ', name: '张家口', airports: [{ code: 'ZQZ', name: '宁远' }] },
  { code: 'TVS', name: '唐山', airports: [{ code: 'TVS', name: '三女河' }] },
  { code: 'CDE', name: '承德', airports: [{ code: 'CDE', name: '普宁' }] },
  { code: 'XNT', name: '邢台', airports: [{ code: 'XNT', name: '褡裢' }] },
  { code: 'TYN', name: '太原', airports: [{ code: 'TYN', name: '武宿' }] },
  { code: 'DAT', name: '大同', airports: [{ code: 'DAT', name: '云冈' }] },
  { code: 'LFQ', name: '临汾', airports: [{ code: 'LFQ', name: '尧都' }] },
  { code: 'CIH', name: '长治', airports: [{ code: 'CIH', name: '王村' }] },
  { code: 'SZH', name: '朔州', airports: [{ code: 'SZH', name: '滋润' }] },
  { code: 'WUT', name: '忻州', airName: '五台山', airports: [{ code: 'WUT', name: '五台山' }] },
  { code: 'LLV', name: '吕梁', airports: [{ code: 'LLV', name: '大武' }] },
  { code: 'YCU', name: '运城', airports: [{ code: 'YCU', name: '盐湖' }] },
  { code: 'HET', name: '呼和浩特', airports: [{ code: 'HET', name: '白塔' }] },
  { code: 'BAV', name: '包头', airports: [{ code: 'BAV', name: '东河' }] },
  { code: 'DSN', name: '鄂尔多斯', airports: [{ code: 'DSN', name: '伊金霍洛' }] },
  { code: 'HLD', name: '呼伦贝尔', airName: '海拉尔', airports: [{ code: 'HLD', name: '海拉尔' }] },
  { code: 'CIF', name: '赤峰', airports: [{ code: 'CIF', name: '玉龙' }] },
  { code: 'TGO', name: '通辽', airports: [{ code: 'TGO', name: '通辽' }] },
  { code: 'WUA', name: '乌海', airports: [{ code: 'WUA', name: '乌海' }] },
  { code: 'XIL', name: '锡林郭勒', airName: '锡林浩特', airports: [{ code: 'XIL', name: '锡林浩特' }] },
  { code: 'ERL', name: '二连浩特', airports: [{ code: 'ERL', name: '赛乌苏' }] },
  { code: 'NZH', name: '呼伦贝尔', airName: '满洲里', airports: [{ code: 'NZH', name: '西郊' }] },
  { code: 'UCB', name: '乌兰察布', airports: [{ code: 'UCB', name: '集宁' }] },
  { code: 'RLK', name: '巴彦淖尔', airports: [{ code: 'RLK', name: '天吉泰' }] },
  { code: 'HLH', name: '兴安', airName: '乌兰浩特', airports: [{ code: 'HLH', name: '义勒力特' }] },
  { code: 'YIE', name: '兴安', airName: '阿尔山', airports: [{ code: 'YIE', name: '伊尔施' }] },
  { code: 'HUO', name: '通辽', airName: '霍林郭勒', airports: [{ code: 'HUO', name: '霍林河' }] },
  { code: 'NZL', name: '呼伦贝尔', airName: '扎兰屯', airports: [{ code: 'NZL', name: '成吉思汗' }] },
  { code: 'AXF', name: '阿拉善', airName: '阿拉善左旗', airports: [{ code: 'AXF', name: '巴彦浩特' }] },
  { code: 'RHT', name: '阿拉善', airName: '阿拉善右旗', airports: [{ code: 'RHT', name: '巴丹吉林' }] },
  { code: 'EJN', name: '阿拉善', airName: '额济纳旗', airports: [{ code: 'EJN', name: '桃来' }] },
  { code: 'SHE', name: '沈阳', airports: [{ code: 'SHE', name: '桃仙' }] },
  { code: 'DLC', name: '大连', airports: [{ code: 'DLC', name: '周水子' }] },
  { code: 'CNI', name: '大连', airName: '长海', airports: [{ code: 'CNI', name: '大长山岛' }] },
  { code: 'DDG', name: '丹东', airports: [{ code: 'DDG', name: '浪头' }] },
  { code: 'JNZ', name: '锦州', airports: [{ code: 'JNZ', name: '锦州湾' }] },
  { code: 'AOG', name: '鞍山', airports: [{ code: 'AOG', name: '腾鳌' }] },
  { code: 'CHG', name: '朝阳', airports: [{ code: 'CHG', name: '朝阳' }] },
  { code: 'YKH', name: '营口', airports: [{ code: 'YKH', name: '兰旗' }] },
  { code: 'CGQ', name: '长春', airports: [{ code: 'CGQ', name: '龙嘉' }] },
  { code: 'NBS', name: '白山', airName: '长白山', airports: [{ code: 'NBS', name: '长白山' }] },
  { code: 'DBC', name: '白城', airports: [{ code: 'DBC', name: '长安' }] },
  { code: 'TNH', name: '通化', airports: [{ code: 'TNH', name: '三源浦' }] },
  { code: 'YNJ', name: '延边', airName: '延吉', airports: [{ code: 'YNJ', name: '朝阳川' }] },
  { code: 'YSQ', name: '松原', airports: [{ code: 'YSQ', name: '查干湖' }] },
  { code: 'HRB', name: '哈尔滨', airports: [{ code: 'HRB', name: '太平' }] },
  { code: 'DQA', name: '大庆', airports: [{ code: 'DQA', name: '萨尔图' }] },
  { code: 'JMU', name: '佳木斯', airports: [{ code: 'JMU', name: '松江' }] },
  { code: 'MDG', name: '牡丹江', airports: [{ code: 'MDG', name: '海浪' }] },
  { code: 'HEK', name: '黑河', airports: [{ code: 'HEK', name: '瑷珲' }] },
  { code: 'JGD', name: '加格达奇', airports: [{ code: 'JGD', name: '鄂伦春' }] },
  { code: 'OHE', name: '加格达奇', airName: '漠河', airports: [{ code: 'OHE', name: '古莲' }] },
  { code: 'FYJ', name: '佳木斯', airName: '抚远', airports: [{ code: 'FYJ', name: '东极' }] },
  { code: 'NDG', name: '齐齐哈尔', airports: [{ code: 'NDG', name: '三家子' }] },
  { code: 'JXA', name: '鸡西', airports: [{ code: 'JXA', name: '兴凯湖' }] },
  { code: 'LDS', name: '伊春', airports: [{ code: 'LDS', name: '林都' }] },
  { code: 'DTU', name: '黑河', airName: '五大连池', airports: [{ code: 'DTU', name: '德都' }] },
  { code: 'JSJ', name: '佳木斯', airName: '建三江', airports: [{ code: 'JSJ', name: '湿地' }] },
  { code: 'SHA', name: '上海', airports: [{ code: 'SHA', name: '虹桥' }, { code: 'PVG', name: '浦东' }] },
  { code: 'NKG', name: '南京', airports: [{ code: 'NKG', name: '禄口' }] },
  { code: 'WUX', name: '无锡', airports: [{ code: 'WUX', name: '硕放' }] },
  { code: 'CZX', name: '常州', airports: [{ code: 'CZX', name: '奔牛' }] },
  { code: 'NTG', name: '南通', airports: [{ code: 'NTG', name: '兴东' }] },
  { code: 'YTY', name: '扬州', airports: [{ code: 'YTY', name: '扬州泰州' }] },
  { code: 'XUZ', name: '徐州', airports: [{ code: 'XUZ', name: '观音' }] },
  { code: 'HIA', name: '淮安', airports: [{ code: 'HIA', name: '涟水' }] },
  { code: 'YNZ', name: '盐城', airports: [{ code: 'YNZ', name: '南洋' }] },
  { code: 'LYG', name: '连云港', airports: [{ code: 'LYG', name: '花果山' }] },
  { code: 'HGH', name: '杭州', airports: [{ code: 'HGH', name: '萧山' }] },
  { code: 'NGB', name: '宁波', airports: [{ code: 'NGB', name: '栎社' }] },
  { code: 'WNZ', name: '温州', airports: [{ code: 'WNZ', name: '龙湾' }] },
  { code: 'YIW', name: '金华', airName: '义乌', airports: [{ code: 'YIW', name: '义乌' }] },
  { code: 'HSN', name: '舟山', airports: [{ code: 'HSN', name: '普陀山' }] },
  { code: 'HYN', name: '台州', airports: [{ code: 'HYN', name: '路桥' }] },
  { code: 'JUZ', name: '衢州', airports: [{ code: 'JUZ', name: '衢州' }] },
  { code: 'JNH', name: '嘉兴', airports: [{ code: 'JNH', name: '南湖' }] },
  { code: 'LIJ', name: '丽水', airports: [{ code: 'LIJ', name: '丽水' }] },
  { code: 'HFE', name: '合肥', airports: [{ code: 'HFE', name: '新桥' }] },
  { code: 'TXN', name: '黄山', airports: [{ code: 'TXN', name: '屯溪' }] },
  { code: 'WHA', name: '芜湖', airports: [{ code: 'WHA', name: '宣州' }] },
  { code: 'FUG', name: '阜阳', airports: [{ code: 'FUG', name: '西关' }] },
  { code: 'AQG', name: '安庆', airports: [{ code: 'AQG', name: '天柱山' }] },
  { code: 'JUH', name: '池州', airports: [{ code: 'JUH', name: '九华山' }] },
  { code: 'BFY', name: '蚌埠', airports: [{ code: 'BFY', name: '滕湖' }] },
  { code: 'BZJ', name: '亳州', airports: [{ code: 'BZJ', name: '亳州' }] },
  { code: 'XMN', name: '厦门', airports: [{ code: 'XMN', name: '高崎' }] },
  { code: 'FOC', name: '福州', airports: [{ code: 'FOC', name: '长乐' }] },
  { code: 'JJN', name: '泉州', airports: [{ code: 'JJN', name: '晋江' }] },
  { code: 'WUS', name: '南平', airName: '武夷山', airports: [{ code: 'WUS', name: '武夷山' }] },
  { code: 'LCX', name: '龙岩', airName: '连城', airports: [{ code: 'LCX', name: '冠豸山' }] },
  { code: 'SQJ', name: '三明', airports: [{ code: 'SQJ', name: '沙县' }] },
  { code: 'KHN', name: '南昌', airports: [{ code: 'KHN', name: '昌北' }] },
  { code: 'KOW', name: '赣州', airports: [{ code: 'KOW', name: '黄金' }] },
  { code: 'JDZ', name: '景德镇', airports: [{ code: 'JDZ', name: '罗家' }] },
  { code: 'JGS', name: '吉安', airName: '井冈山', airports: [{ code: 'JGS', name: '井冈山' }] },
  { code: 'YIC', name: '宜春', airports: [{ code: 'YIC', name: '明月山' }] },
  { code: 'SQD', name: '上饶', airports: [{ code: 'SQD', name: '三清山' }] },
  { code: 'JIU', name: '九江', airports: [{ code: 'JIU', name: '庐山' }] },
  { code: 'JRJ', name: '赣州', airName: '瑞金', airports: [{ code: 'JRJ', name: '瑞金' }] },
  { code: 'TNA', name: '济南', airports: [{ code: 'TNA', name: '遥墙' }] },
  { code: 'TAO', name: '青岛', airports: [{ code: 'TAO', name: '胶东' }] },
  { code: 'YNT', name: '烟台', airports: [{ code: 'YNT', name: '蓬莱' }] },
  { code: 'WEH', name: '威海', airports: [{ code: 'WEH', name: '大水泊' }] },
  { code: 'LYI', name: '临沂', airports: [{ code: 'LYI', name: '启阳' }] },
  { code: 'JNG', name: '济宁', airports: [{ code: 'JNG', name: '大安' }] },
  { code: 'RIZ', name: '日照', airports: [{ code: 'RIZ', name: '山字河' }] },
  { code: 'WEF', name: '潍坊', airports: [{ code: 'WEF', name: '南苑' }] },
  { code: 'HZA', name: '菏泽', airports: [{ code: 'HZA', name: '牡丹' }] },
  { code: 'DOY', name: '东营', airports: [{ code: 'DOY', name: '胜利' }] },
  { code: 'CGO', name: '郑州', airports: [{ code: 'CGO', name: '新郑' }] },
  { code: 'LYA', name: '洛阳', airports: [{ code: 'LYA', name: '北郊' }] },
  { code: 'NNY', name: '南阳', airports: [{ code: 'NNY', name: '姜营' }] },
  { code: 'XAI', name: '信阳', airports: [{ code: 'XAI', name: '明港' }] },
  { code: 'HQQ', name: '安阳', airports: [{ code: 'HQQ', name: '红旗渠' }] },
  { code: 'WUH', name: '武汉', airports: [{ code: 'WUH', name: '天河' }] },
  { code: 'EHU', name: '鄂州', airports: [{ code: 'EHU', name: '花湖' }] },
  { code: 'YIH', name: '宜昌', airports: [{ code: 'YIH', name: '三峡' }] },
  { code: 'XFN', name: '襄阳', airports: [{ code: 'XFN', name: '刘集' }] },
  { code: 'ENH', name: '恩施', airports: [{ code: 'ENH', name: '许家坪' }] },
  { code: 'SHS', name: '荆州', airports: [{ code: 'SHS', name: '沙市' }] },
  { code: 'WDS', name: '十堰', airports: [{ code: 'WDS', name: '武当山' }] },
  { code: 'HPG', name: '神农架', airports: [{ code: 'HPG', name: '红坪' }] },
  { code: 'CSX', name: '长沙', airports: [{ code: 'CSX', name: '黄花' }] },
  { code: 'DYG', name: '张家界', airports: [{ code: 'DYG', name: '荷花' }] },
  { code: 'CGD', name: '常德', airports: [{ code: 'CGD', name: '桃花源' }] },
  { code: 'HJJ', name: '怀化', airports: [{ code: 'HJJ', name: '芷江' }] },
  { code: 'HCZ', name: '郴州', airports: [{ code: 'HCZ', name: '北湖' }] },
  { code: 'HNY', name: '衡阳', airports: [{ code: 'HNY', name: '南岳' }] },
  { code: 'LLF', name: '永州', airports: [{ code: 'LLF', name: '零陵' }] },
  { code: 'WGN', name: '邵阳', airports: [{ code: 'WGN', name: '武冈' }] },
  { code: 'YYA', name: '岳阳', airports: [{ code: 'YYA', name: '三荷' }] },
  { code: 'DXJ', name: '吉首', airName: '湘西', airports: [{ code: 'DXJ', name: '边城' }] },
  { code: 'CAN', name: '广州', airports: [{ code: 'CAN', name: '白云' }] },
  { code: 'SZX', name: '深圳', airports: [{ code: 'SZX', name: '宝安' }] },
  { code: 'ZUH', name: '珠海', airports: [{ code: 'ZUH', name: '金湾' }] },
  { code: 'SWA', name: '揭阳', airports: [{ code: 'SWA', name: '潮汕' }] },
  { code: 'HUZ', name: '惠州', airports: [{ code: 'HUZ', name: '平潭' }] },
  { code: 'ZHA', name: '湛江', airports: [{ code: 'ZHA', name: '吴川' }] },
  { code: 'FUO', name: '佛山', airports: [{ code: 'FUO', name: '沙堤' }] },
  { code: 'MXZ', name: '梅州', airports: [{ code: 'MXZ', name: '梅县' }] },
  { code: 'HSC', name: '韶关', airports: [{ code: 'HSC', name: '丹霞' }] },
  { code: 'NNG', name: '南宁', airports: [{ code: 'NNG', name: '吴圩' }] },
  { code: 'KWL', name: '桂林', airports: [{ code: 'KWL', name: '两江' }] },
  { code: 'BHY', name: '北海', airports: [{ code: 'BHY', name: '福成' }] },
  { code: 'LZH', name: '柳州', airports: [{ code: 'LZH', name: '白莲' }] },
  { code: 'AEB', name: '百色', airports: [{ code: 'AEB', name: '巴马' }] },
  { code: 'WUZ', name: '梧州', airports: [{ code: 'WUZ', name: '西江' }] },
  { code: 'YLX', name: '玉林', airports: [{ code: 'YLX', name: '福绵' }] },
  { code: 'HCJ', name: '河池', airports: [{ code: 'HCJ', name: '金城江' }] },
  { code: 'HAK', name: '海口', airports: [{ code: 'HAK', name: '美兰' }] },
  { code: 'SYX', name: '三亚', airports: [{ code: 'SYX', name: '凤凰' }] },
  { code: 'BAR', name: '琼海', airports: [{ code: 'BAR', name: '博鳌' }] },
  { code: 'CKG', name: '重庆', airports: [{ code: 'CKG', name: '江北' }] },
  { code: 'JIQ', name: '黔江', airports: [{ code: 'JIQ', name: '武陵山' }] },
  { code: 'CQW', name: '武隆', airports: [{ code: 'CQW', name: '仙女山' }] },
  { code: 'WXN', name: '万州', airports: [{ code: 'WXN', name: '五桥' }] },
  { code: 'WSK', name: '巫山', airports: [{ code: 'WSK', name: '巫山' }] },
  { code: 'CTU', name: '成都', airports: [{ code: 'CTU', name: '双流' }, { code: 'TFU', name: '天府' }] },
  { code: 'MIG', name: '绵阳', airports: [{ code: 'MIG', name: '南郊' }] },
  { code: 'LZO', name: '泸州', airports: [{ code: 'LZO', name: '云龙' }] },
  { code: 'YBP', name: '宜宾', airports: [{ code: 'YBP', name: '五粮液' }] },
  { code: 'NAO', name: '南充', airports: [{ code: 'NAO', name: '高坪' }] },
  { code: 'XIC', name: '西昌', airports: [{ code: 'XIC', name: '青山' }] },
  { code: 'PZI', name: '攀枝花', airports: [{ code: 'PZI', name: '保安营' }] },
  { code: 'GYS', name: '广元', airports: [{ code: 'GYS', name: '盘龙' }] },
  { code: 'DZH', name: '达州', airports: [{ code: 'DZH', name: '金垭' }] },
  { code: 'BZX', name: '巴中', airports: [{ code: 'BZX', name: '恩阳' }] },
  { code: 'JZH', name: '阿坝藏族羌族自治州', airName: '九寨沟', airports: [{ code: 'JZH', name: '九寨黄龙' }] },
  { code: 'DCY', name: '稻城', airports: [{ code: 'DCY', name: '亚丁' }] },
  { code: 'KGT', name: '康定', airports: [{ code: 'KGT', name: '康定' }] },
  { code: 'GZG', name: '甘孜', airports: [{ code: 'GZG', name: '格萨尔' }] },
  { code: 'AHJ', name: '阿坝藏族羌族自治州', airName: '红原', airports: [{ code: 'AHJ', name: '红原' }] },
  { code: 'LZG', name: '南充', airName: '阆中', airports: [{ code: 'LZG', name: '古城' }] },
  { code: 'KWE', name: '贵阳', airports: [{ code: 'KWE', name: '龙洞堡' }] },
  { code: 'ZYI', name: '遵义', airports: [{ code: 'ZYI', name: '新舟' }, { code: 'WMT', name: '茅台' }] },
  { code: 'ACX', name: '兴义', airports: [{ code: 'ACX', name: '万峰林' }] },
  { code: 'LPF', name: '六盘水', airports: [{ code: 'LPF', name: '月照' }] },
  { code: 'AVA', name: '安顺', airports: [{ code: 'AVA', name: '黄果树' }] },
  { code: 'BFJ', name: '毕节', airports: [{ code: 'BFJ', name: '飞雄' }] },
  { code: 'TEN', name: '铜仁', airports: [{ code: 'TEN', name: '凤凰' }] },
  { code: 'KJH', name: '凯里', airports: [{ code: 'KJH', name: '黄平' }] },
  { code: 'HZH', name: '凯里', airName: '黎平', airports: [{ code: 'HZH', name: '黎平' }] },
  { code: 'LLB', name: '都匀', airName: '荔波', airports: [{ code: 'LLB', name: '荔波' }] },
  { code: 'KMG', name: '昆明', airports: [{ code: 'KMG', name: '长水' }] },
  { code: 'LJG', name: '丽江', airports: [{ code: 'LJG', name: '三义' }] },
  { code: 'JHG', name: '景洪', airName: '西双版纳', airports: [{ code: 'JHG', name: '嘎洒' }] },
  { code: 'LUM', name: '芒市', airports: [{ code: 'LUM', name: '芒市' }] },
  { code: 'DLU', name: '大理', airports: [{ code: 'DLU', name: '凤仪' }] },
  { code: 'DIG', name: '香格里拉', airports: [{ code: 'DIG', name: '香格里拉' }] },
  { code: 'BSD', name: '保山', airports: [{ code: 'BSD', name: '云瑞' }] },
  { code: 'TCZ', name: '保山', airName: '腾冲', airports: [{ code: 'TCZ', name: '驼峰' }] },
  { code: 'LNJ', name: '临沧', airports: [{ code: 'LNJ', name: '博尚' }] },
  { code: 'CWJ', name: '临沧', airName: '沧源', airports: [{ code: 'CWJ', name: '佤山' }] },
  { code: 'JMJ', name: '普洱', airName: '澜沧', airports: [{ code: 'JMJ', name: '景迈' }] },
  { code: 'SYM', name: '普洱', airports: [{ code: 'SYM', name: '思茅' }] },
  { code: 'WNH', name: '文山', airports: [{ code: 'WNH', name: '普者黑' }] },
  { code: 'ZAT', name: '昭通', airports: [{ code: 'ZAT', name: '昭阳' }] },
  { code: 'NLH', name: '丽江', airName: '宁蒗', airports: [{ code: 'NLH', name: '泸沽湖' }] },
  { code: 'LXA', name: '拉萨', airports: [{ code: 'LXA', name: '贡嘎' }] },
  { code: 'RKZ', name: '日喀则', airports: [{ code: 'RKZ', name: '和平' }] },
  { code: 'BPX', name: '昌都', airports: [{ code: 'BPX', name: '邦达' }] },
  { code: 'LZY', name: '林芝', airports: [{ code: 'LZY', name: '米林' }] },
  { code: 'NGQ', name: '阿里', airports: [{ code: 'NGQ', name: '昆莎' }] },
  { code: 'LGZ', name: '山南', airName: '隆子', airports: [{ code: 'LGZ', name: '隆子' }] },
  { code: 'DDR', name: '日喀则', airName: '定日', airports: [{ code: 'DDR', name: '定日' }] },
  { code: 'SIA', name: '西安', airports: [{ code: 'XIY', name: '咸阳' }] },
  { code: 'UYN', name: '榆林', airports: [{ code: 'UYN', name: '榆阳' }] },
  { code: 'ENY', name: '延安', airports: [{ code: 'ENY', name: '南泥湾' }] },
  { code: 'HZG', name: '汉中', airports: [{ code: 'HZG', name: '城固' }] },
  { code: 'AKA', name: '安康', airports: [{ code: 'AKA', name: '富强' }] },
  { code: 'LHW', name: '兰州', airports: [{ code: 'LHW', name: '中川' }] },
  { code: 'DNH', name: '酒泉', airName: '敦煌', airports: [{ code: 'DNH', name: '莫高' }] },
  { code: 'JGN', name: '嘉峪关', airports: [{ code: 'JGN', name: '嘉峪关' }] },
  { code: 'YZY', name: '张掖', airports: [{ code: 'YZY', name: '甘州' }] },
  { code: 'JIC', name: '金昌', airports: [{ code: 'JIC', name: '金川' }] },
  { code: 'THQ', name: '天水', airports: [{ code: 'THQ', name: '麦积山' }] },
  { code: 'LNL', name: '陇南', airports: [{ code: 'LNL', name: '成县' }] },
  { code: 'IQN', name: '庆阳', airports: [{ code: 'IQN', name: '西峰' }] },
  { code: 'GXH', name: '甘南', airports: [{ code: 'GXH', name: '夏河' }] },
  { code: 'XNN', name: '西宁', airports: [{ code: 'XNN', name: '曹家堡' }] },
  { code: 'GOQ', name: '格尔木', airports: [{ code: 'GOQ', name: '格尔木' }] },
  { code: 'GMQ', name: '果洛', airports: [{ code: 'GMQ', name: '玛沁' }] },
  { code: 'YUS', name: '玉树', airports: [{ code: 'YUS', name: '巴塘' }] },
  { code: 'HXD', name: '德令哈', airports: [{ code: 'HXD', name: '德令哈' }] },
  { code: 'HTT', name: '茫崖', airName: '花土沟', airports: [{ code: 'HTT', name: '花土沟' }] },
  { code: 'HBQ', name: '海北州', airName: '祁连', airports: [{ code: 'HBQ', name: '祁连' }] },
  { code: 'INC', name: '银川', airports: [{ code: 'INC', name: '河东' }] },
  { code: 'ZHY', name: '中卫', airports: [{ code: 'ZHY', name: '沙坡头' }] },
  { code: 'GYU', name: '固原', airports: [{ code: 'GYU', name: '六盘山' }] },
  { code: 'URC', name: '乌鲁木齐', airports: [{ code: 'URC', name: '天山' }] },
  { code: 'KHG', name: '喀什', airports: [{ code: 'KHG', name: '徕宁' }] },
  { code: 'HTN', name: '和田', airports: [{ code: 'HTN', name: '昆冈' }] },
  { code: 'KRL', name: '库尔勒', airports: [{ code: 'KRL', name: '梨城' }] },
  { code: 'AKU', name: '阿克苏', airports: [{ code: 'AKU', name: '红旗坡' }] },
  { code: 'HMI', name: '哈密', airports: [{ code: 'HMI', name: '伊州' }] },
  { code: 'AAT', name: '阿勒泰', airports: [{ code: 'AAT', name: '雪都' }] },
  { code: 'TLQ', name: '吐鲁番', airports: [{ code: 'TLQ', name: '交河' }] },
  { code: 'BPL', name: '博乐', airports: [{ code: 'BPL', name: '阿拉山口' }] },
  { code: 'IQM', name: '巴音郭楞蒙古自治州', airName: '且末', airports: [{ code: 'IQM', name: '玉都' }] },
  { code: 'RQA', name: '库尔勒', airName: '若羌', airports: [{ code: 'RQA', name: '楼兰' }] },
  { code: 'QSZ', name: '喀什', airName: '莎车', airports: [{ code: 'QSZ', name: '叶尔羌' }] },
  { code: 'KCA', name: '阿克苏', airName: '库车', airports: [{ code: 'KCA', name: '龟兹' }] },
  { code: 'SHF', name: '石河子', airports: [{ code: 'SHF', name: '花园' }] },
  { code: 'KRY', name: '克拉玛依', airports: [{ code: 'KRY', name: '古海' }] },
  { code: 'FYN', name: '阿勒泰', airName: '富蕴', airports: [{ code: 'FYN', name: '可可托海' }] },
  { code: 'KJI', name: '阿勒泰', airName: '布尔津', airports: [{ code: 'KJI', name: '喀纳斯' }] },
  { code: 'NLT', name: '伊宁', airName: '那拉提', airports: [{ code: 'NLT', name: '那拉提' }] },
  { code: 'TCG', name: '塔城', airports: [{ code: 'TCG', name: '千泉' }] },
  { code: 'YIN', name: '伊宁', airports: [{ code: 'YIN', name: '伊宁' }] },
  { code: 'YTW', name: '和田', airName: '于田', airports: [{ code: 'YTW', name: '万方' }] },
  { code: 'ACF', name: '阿克苏', airName: '阿拉尔', airports: [{ code: 'ACF', name: '塔里木' }] },
  { code: 'TWC', name: '喀什', airName: '图木舒克', airports: [{ code: 'TWC', name: '唐王城' }] },
  { code: 'HQL', name: '喀什', airName: '塔什库尔干', airports: [{ code: 'HQL', name: '红其拉甫' }] },
  { code: 'ZFL', name: '伊宁', airName: '昭苏', airports: [{ code: 'ZFL', name: '天马' }] },
  { code: 'HJB', name: '库尔勒', airName: '巴音布鲁克', airports: [{ code: 'HJB', name: '巴音布鲁克' }] },
  { code: 'JBK', name: '昌吉', airName: '奇台', airports: [{ code: 'JBK', name: '江布拉克' }] },
  { code: 'DHH', name: '哈密', airName: '巴里坤', airports: [{ code: 'DHH', name: '大河' }] },
];

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

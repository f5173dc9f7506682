// Category dimensions (分类维度): the ways a report breaks a total down. Counts across
// dimensions never have to add up — of 312 staff, 219 may be party members, 98 under 35
// and 156 graduates — so parts are added only within one dimension.
//
// Each dimension lists the words that name a category in it and says why they belong
// together. A word may belong to several dimensions (农村: town/country and sector).
// `pairs` are complementary categories: two parts that are such a pair cover the whole.
//
// A part whose words are in no dimension is a plain kind of the total's noun (水稻, 玉米,
// 豆类 under 粮食作物): such parts form the implicit dimension `kind`.

export type Dimension =
  | 'gender' | 'age' | 'education' | 'rank' | 'political' | 'ethnicity' | 'area' | 'terrain' | 'novelty'
  | 'level' | 'ownership' | 'sector' | 'outcome' | 'satisfaction' | 'employment' | 'honor' | 'source'
  | 'disability' | 'class' | 'parent' | 'domestic' | 'scale' | 'certification' | 'kind';

interface DimensionDef {
  dim: Dimension;
  /** Why these words are one way of dividing a whole (shown in hovers and docs). */
  zh: string;
  en: string;
  words: string[];
  /** Complementary categories: a part of each covers the whole. */
  pairs?: [string, string][];
}

export const DIMENSIONS: DimensionDef[] = [
  {
    dim: 'gender', zh: '性别', en: 'gender',
    words: ['男性', '女性', '妇女', '男子', '女子', '男生', '女生', '男童', '女童', '男', '女'],
    pairs: [['男', '女']],
  },
  {
    dim: 'parent', zh: '父母', en: 'parent',
    words: ['父亲', '母亲', '爸爸', '妈妈'],
    pairs: [['父', '母'], ['爸', '妈']],
  },
  {
    dim: 'age', zh: '年龄段', en: 'age band',
    words: ['青年', '中青年', '老年', '老龄', '少年', '儿童', '未成年', '青少年', '年轻', '中年', '高龄', '幼儿', '婴幼儿', '80后', '90后', '00后', '岁以下', '岁以上', '岁及以下', '岁及以上', '周岁以下', '周岁以上'],
  },
  {
    dim: 'education', zh: '学历', en: 'education',
    words: ['本科', '专科', '大专', '研究生', '硕士', '博士', '高中', '中专', '初中', '小学文化', '学历', '学位', '文化程度', '大学', '中职', '高职', '文盲'],
  },
  {
    dim: 'rank', zh: '职称职级', en: 'title or rank',
    words: ['职称', '正高', '副高', '教授', '副教授', '讲师', '助教', '研究员', '高级', '中级', '初级', '骨干', '带头人', '名师', '特级', '处级', '科级', '厅级', '县处级', '乡科级', '正科', '副科', '正处', '副处', '领导干部', '中层', '班子成员', '技师', '高技能'],
  },
  {
    dim: 'political', zh: '政治面貌', en: 'political status',
    words: ['党员', '中共党员', '预备党员', '正式党员', '团员', '共青团员', '民主党派', '群众', '无党派', '入党积极分子', '积极分子', '发展对象'],
    pairs: [['党员', '非党员']],
  },
  {
    dim: 'ethnicity', zh: '民族', en: 'ethnicity',
    words: ['少数民族', '汉族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '蒙古族'],
    pairs: [['汉族', '少数民族']],
  },
  {
    dim: 'area', zh: '城乡', en: 'town or country',
    words: ['城镇', '农村', '城市', '乡村', '城区', '市区', '郊区', '农业户口', '非农业', '城乡'],
    pairs: [['城镇', '农村'], ['城市', '农村'], ['城区', '农村'], ['城镇', '乡村'], ['城', '乡']],
  },
  {
    dim: 'terrain', zh: '地形', en: 'terrain',
    words: ['平原', '丘陵', '山区', '高原', '沿海', '山地', '坝区', '库区', '牧区'],
  },
  {
    dim: 'domestic', zh: '境内外', en: 'home or abroad',
    words: ['境内', '境外', '国内', '国外', '省内', '省外', '市内', '市外', '县内', '县外', '本地', '外地', '本省', '外省'],
    pairs: [['境内', '境外'], ['国内', '国外'], ['省内', '省外'], ['市内', '市外'], ['县内', '县外'], ['本地', '外地'], ['本省', '外省']],
  },
  {
    dim: 'novelty', zh: '新增与原有', en: 'new or existing',
    words: ['新增', '新发展', '新建', '新开工', '新开', '新任', '新招', '新录用', '新聘', '新进', '原有', '存量', '新入职', '新提拔', '新成立', '新认定', '续建', '在建'],
    pairs: [['新建', '续建'], ['新开工', '续建'], ['新增', '原有']],
  },
  {
    dim: 'level', zh: '行政层级', en: 'administrative level',
    words: ['国家级', '省级', '市级', '县级', '区级', '乡镇级', '镇级', '村级', '部级', '厅级', '地市级', '省部级', '中央级', '国家', '中央', '全国'],
  },
  {
    dim: 'ownership', zh: '所有制', en: 'ownership',
    words: ['公办', '民办', '国有', '民营', '私营', '集体', '外资', '合资', '个体', '公立', '私立', '非公', '国企', '央企'],
    pairs: [['公办', '民办'], ['公立', '私立']],
  },
  {
    dim: 'sector', zh: '单位类别', en: 'kind of unit',
    words: ['机关', '企业', '学校', '农村', '社区', '事业单位', '非公', '两新', '医院', '高校', '县区', '街道', '行政村', '乡镇', '部门', '院校', '中小学', '幼儿园', '社会组织', '国有企业', '民营企业', '离退休'],
  },
  {
    dim: 'outcome', zh: '办理状态', en: 'state or outcome',
    words: ['已', '未', '在建', '竣工', '建成', '完成', '办结', '在办', '贫困', '脱贫', '未脱贫', '空壳', '薄弱', '寄宿制', '走读', '在职', '退休', '离休', '在岗', '失业', '就业', '在校', '毕业', '获批', '受理', '不予受理', '结案', '化解', '整改', '销号', '获', '评为', '入选', '通过', '合格', '不合格', '达标', '未达标', '到位'],
    pairs: [['已', '未'], ['合格', '不合格'], ['达标', '未达标'], ['在职', '退休']],
  },
  {
    dim: 'satisfaction', zh: '满意度', en: 'satisfaction',
    words: ['满意', '基本满意', '不满意', '非常满意', '比较满意', '很满意', '一般'],
  },
  {
    dim: 'employment', zh: '用工性质', en: 'kind of post',
    words: ['专职', '兼职', '专任', '全职', '编制内', '编外', '在编', '合同制', '聘用', '临时', '派遣', '公益性岗位', '志愿者'],
    pairs: [['专职', '兼职'], ['在编', '编外']],
  },
  {
    dim: 'honor', zh: '评定等次', en: 'rating',
    words: ['优秀', '先进', '示范', '标准化', '星级', '模范', '文明', '标杆', '五星', '四星', '三星', '重点', '特色', '品牌', '精品', '样板'],
  },
  {
    dim: 'source', zh: '资金来源', en: 'source of funds',
    words: ['财政', '中央财政', '省级财政', '市级财政', '县级财政', '自筹', '社会资金', '社会资本', '银行贷款', '贷款', '企业投资', '群众自筹', '上级', '本级', '配套', '专项', '捐赠', '捐款'],
  },
  {
    dim: 'scale', zh: '企业规模', en: 'size of business',
    words: ['规上', '规模以上', '规下', '规模以下', '限上', '限额以上', '限下', '大型', '中型', '小型', '微型', '小微', '中小'],
    pairs: [['规上', '规下'], ['规模以上', '规模以下'], ['限上', '限下']],
  },
  {
    dim: 'certification', zh: '资质认定', en: 'certification',
    words: ['高新技术', '高新', '专精特新', '科技型', '上市', '龙头', '瞪羚', '独角兽', '小巨人'],
  },
  {
    dim: 'disability', zh: '残疾类别', en: 'kind of disability',
    words: ['肢体', '视力', '听力', '言语', '智力', '精神', '多重'],
  },
];

/** Categories named with a numeral (一类户, 二等奖, 三星级): the classes of one scale. */
const CLASS = /[一二三四五六七八九十\d]+(?:类|等|级|档|星)/;

export interface Category {
  dim: Dimension;
  word: string;
}

interface Entry {
  word: string;
  dims: Dimension[];
}

// Longest words first, so 基本满意 wins over 满意 and 未脱贫 over 脱贫.
const ENTRIES: Entry[] = (() => {
  const m = new Map<string, Dimension[]>();
  for (const d of DIMENSIONS) for (const w of d.words) m.set(w, [...(m.get(w) ?? []), d.dim]);
  return [...m.entries()].map(([word, dims]) => ({ word, dims })).sort((a, b) => b.word.length - a.word.length);
})();
/** Entries by the char code of their first character, longest first. */
const BY_FIRST: (Entry[] | undefined)[] = new Array(0x10000);
for (const e of ENTRIES) (BY_FIRST[e.word.charCodeAt(0)] ??= []).push(e);

/** Single characters that name a category only at the start of a noun (女干部, 新建; not 子女, 更新). */
const ONLY_AT_START = new Set(['男', '女', '已', '未', '获']);
/** Characters before 男/女 that make them part of another word (子女, 妇女 is listed whole). */
const NOT_GENDER_BEFORE = '子儿孙侄外甥';

/** The categories a noun phrase names, each with its dimension(s). Greedy, longest first. */
export function categoriesOf(phrase: string): Category[] {
  const out: Category[] = [];
  for (let i = 0; i < phrase.length; ) {
    const entries = BY_FIRST[phrase.charCodeAt(i)];
    if (!entries) {
      i++;
      continue;
    }
    let hit: Entry | undefined;
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k];
      if (!phrase.startsWith(e.word, i)) continue;
      if (e.word.length === 1 && ONLY_AT_START.has(e.word) && i > 0) continue;
      if ((e.word === '男' || e.word === '女') && i > 0 && NOT_GENDER_BEFORE.includes(phrase[i - 1])) continue;
      // 一般性转移支付, 专业性: with 性 the word is an adjective of another meaning.
      if (phrase[i + e.word.length] === '性') continue;
      hit = e;
      break;
    }
    if (!hit) {
      i++;
      continue;
    }
    for (let k = 0; k < hit.dims.length; k++) {
      const dim = hit.dims[k];
      out.push({ dim, word: hit.word });
    }
    i += hit.word.length;
  }
  const cls = CLASS.exec(phrase);
  if (cls) out.push({ dim: 'class', word: cls[0] });
  return out;
}

/**
 * The categories that lead a modifier (女教师 → 女; 35岁以下青年干部 → 岁以下, 青年): the
 * words that divide, not words buried in a long name (中央财政造林补贴试点项目).
 * A leading figure (35岁以下) is skipped, and so is a scope word (全市, 其中).
 */
export function leadingCategories(modifier: string): Category[] {
  const m = /^[“”]?(?:全市|全区|全县|全镇|全乡|全省|其中|具有|拥有|有)?[\d.一二三四五六七八九十]*[“”]?/.exec(modifier)![0].length;
  const rest = modifier.slice(m);
  const out: Category[] = [];
  for (const c of categoriesOf(rest)) if (rest.startsWith(c.word) || (c.dim === 'class' && rest.startsWith(c.word))) out.push(c);
  // 青年干部 after 35岁以下: a second category right after the first still leads.
  const first = out[0]?.word.length ?? 0;
  if (first) for (const c of categoriesOf(rest.slice(first))) if (rest.slice(first).startsWith(c.word)) out.push(c);
  return out;
}

export function dimensionName(dim: Dimension): { zh: string; en: string } {
  if (dim === 'kind') return { zh: '同类事物', en: 'kinds of one thing' };
  if (dim === 'class') return { zh: '等级类别', en: 'numbered classes' };
  const d = DIMENSIONS.find((x) => x.dim === dim)!;
  return { zh: d.zh, en: d.en };
}

/** Do two category words form a complementary pair (男/女, 城镇/农村) in `dim`? */
export function complementary(dim: Dimension, a: string, b: string): boolean {
  const d = DIMENSIONS.find((x) => x.dim === dim);
  if (!d?.pairs) return false;
  return d.pairs.some(([x, y]) => (a.startsWith(x) && b.startsWith(y)) || (a.startsWith(y) && b.startsWith(x)) || (a.includes(x) && b.includes(y) && a.length <= 3 && b.length <= 3));
}

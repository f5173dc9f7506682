// Page furniture pasted with the text of a web page, recognised by its form: a breadcrumb
// (当前位置：首页 > …), a row of page controls or share buttons (放大 缩小 打印 关闭, 分享到：
// 微信 微博), previous/next links, a copyright footer (版权所有, ICP备), and the page's own
// metadata (发布时间, 浏览次数, or a 作者 left blank beside 责任编辑). What the writer put at
// the head or foot of a report — 作者：李四  单位：县委政研室, 责任编辑, 执笔, 日期 — is the
// report's, never furniture. Lines are matched on the folded (simplified) view, trimmed.

/** Words a row of page controls is made of (字号：大 中 小 included). */
const CONTROLS = new Set([
  '放大', '缩小', '打印', '关闭', '关闭窗口', '打印本页', '打印此页', '打印文章', '关闭本页', '收藏', '收藏本页', '加入收藏',
  '分享', '分享到', '返回顶部', '回到顶部', '字号', '字体', '大', '中', '小', '默认', '纠错', '我要纠错', '复制链接', '保存', '返回',
  '微信', '微博', '新浪微博', '腾讯微博', 'QQ', 'QQ空间', '朋友圈', '豆瓣', '今日头条', '手机版', '二维码',
]);
/** At least one of these makes a row of control words page furniture (大/中/小 alone do not). */
const DISTINCTIVE = /放大|缩小|打印|关闭|收藏|分享|字号|字体|返回顶部|回到顶部|纠错|复制链接/;
const CONTROL_SEPARATORS = /[\s【】[\]()（）|｜/／·•、，,：:]+/;

const BREADCRUMB = /^(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|您当前的位置|所在位置)\s*[：:]|^(?:网站首页|首页|主页)\s*(?:[>＞›»》→]|&gt;)/;
const NAVIGATION = /^(?:上一篇|下一篇|上一条|下一条|上一页|下一页)(?:\s*[：:]|$)|^扫一扫在手机(?:上)?(?:打开|查看)/;
/** The marks that end a sentence: a line with one is prose, never furniture. */
const SENTENCE_END = /[。！？]/;
const FOOTER = /版权所有|copyright|©|ICP备|ICP证|公网安备|网站标识码|all rights reserved|建议使用.{0,20}(?:浏览器|分辨率)/i;

/** A `name：value` field at the head or foot of a page or a report. */
const FIELD = /(发布时间|发布日期|更新时间|浏览次数|浏览量|点击数|点击量|阅读次数|阅读量|访问量|访问次数|字号|文章来源|信息来源|稿件来源|来源|作者|责任编辑|编辑|审核|执笔|撰稿|单位|日期|时间)\s*[：:]/g;
/** FIELD at the start of a line. */
const FIELD_FIRST = new RegExp(`^(?:${FIELD.source})`);
/** Fields only a web page gives itself: when a page was published and how often it was read. */
const WEB_ONLY = new Set(['发布时间', '发布日期', '更新时间', '浏览次数', '浏览量', '点击数', '点击量', '阅读次数', '阅读量', '访问量', '访问次数', '字号', '文章来源', '信息来源', '稿件来源']);

function isControlRow(s: string): boolean {
  if (!DISTINCTIVE.test(s)) return false;
  const tokens = s.split(CONTROL_SEPARATORS).filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => CONTROLS.has(t));
}

/** A line of fields only (发布时间：… 来源：…), the page's rather than the report's; `s` holds no sentence's end (its caller tells those lines prose first). */
function isPageMetadata(s: string): boolean {
  if (s.length > 80) return false;
  // The first field must open the line: most lines are rejected here, before every field is listed.
  if (!FIELD_FIRST.test(s)) return false;
  const fields = [...s.matchAll(FIELD)];
  if (!fields.length || fields[0].index !== 0) return false;
  let web = false;
  let blank = false;
  let editor = false;
  fields.forEach((m, k) => {
    const name = m[1];
    if (WEB_ONLY.has(name)) web = true;
    if (name === '责任编辑') editor = true;
    const end = k + 1 < fields.length ? fields[k + 1].index : s.length;
    if (!s.slice(m.index + m[0].length, end).trim()) blank = true;
  });
  // A page's template leaves the author blank beside its own editor (作者：  责任编辑：张禹);
  // a report's blank fields (作者：  单位：) are a draft waiting to be filled.
  return web || (blank && editor);
}

/** Is this (folded, trimmed) line page boilerplate rather than report text? */
export function isBoilerplateLine(line: string): boolean {
  const s = line.trim();
  // Page furniture is short; a long line is text (and keeps the patterns cheap).
  if (!s || s.length > 200) return false;
  if (BREADCRUMB.test(s) || NAVIGATION.test(s)) return true;
  // A sentence's end is in no row of controls (no control word holds one, and it separates
  // none), no footer and no page metadata: a line of prose is told here, before their
  // patterns scan it.
  if (SENTENCE_END.test(s)) return false;
  return isControlRow(s) || FOOTER.test(s) || isPageMetadata(s);
}

// Page furniture pasted from a web page: breadcrumbs, 发布时间/来源, 放大/缩小,
// 打印/关闭窗口, 作者/责任编辑. Matched on the folded (simplified) line.

const WHOLE_LINE = /^(?:放大|缩小|打印|关闭|关闭窗口|打印本页|收藏|分享|分享到|字号[：:]?[大中小\s]*|【?[大中小]】?|返回顶部|上一篇|下一篇)$/;
const STARTS = /^(?:当前位置|您的位置|你的位置|您现在的位置|首页\s*[>》])/;
const FIELDS = /(?:发布时间|发布日期|来源|作者|责任编辑|编辑|浏览次数|点击数|阅读次数)[：:]/g;

/** Is this (folded, trimmed) line page boilerplate rather than report text? */
export function isBoilerplateLine(line: string): boolean {
  const s = line.trim();
  // Page furniture is short; a long line is text (and keeps the patterns cheap).
  if (!s || s.length > 200) return false;
  if (WHOLE_LINE.test(s) || STARTS.test(s)) return true;
  // A line made of metadata fields (at least one field, and short, with no sentence end).
  const fields = s.match(FIELDS);
  if (fields && fields.length >= 1 && s.length <= 80 && !/[。！？]/.test(s)) {
    return /^(?:发布时间|发布日期|来源|作者|责任编辑|编辑|浏览次数|点击数|阅读次数)[：:]/.test(s);
  }
  return false;
}

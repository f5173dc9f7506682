// A report as users paste it from a web page, with the features of the reference report
// but in our own words: traditional characters with pinyin annotations after many of them
// (當(dāng)), half-width punctuation, no-break spaces, page boilerplate, and one wrong figure
// (a named count: 2 + 3 = 5 names for "6人") after hundreds of annotations. Used by the
// tests of the order of diagnostics and of minimal edits.

/** A paragraph in traditional characters, each listed character annotated with its reading. */
const READINGS: Record<string, string> = {
  當: 'dāng', 前: 'qián', 會: 'huì', 員: 'yuán', 發: 'fā', 展: 'zhǎn', 工: 'gōng', 作: 'zuò', 黨: 'dǎng',
  建: 'jiàn', 學: 'xué', 習: 'xí', 組: 'zǔ', 織: 'zhī', 開: 'kāi', 服: 'fú', 務: 'wù', 社: 'shè', 區: 'qū',
  志: 'zhì', 願: 'yuàn', 活: 'huó', 動: 'dòng', 機: 'jī', 制: 'zhì', 群: 'qún', 眾: 'zhòng', 實: 'shí',
};

const SENTENCES = [
  '今年以來,我們圍繞中心工作開展主題活動,組織會員深入社區服務群眾,建立長效機制。',
  '堅持把學習作為首要任務,開展專題學習12次,組織志願服務活動36場,群眾滿意度持續提升。',
  '當前,支部建設不斷加強,黨員發展工作穩步推進,各項制度落實到位,服務能力明顯增強。',
  '圍繞基層治理開展調研,走訪社區45個,形成調研報告6篇,推動解決實際問題。',
];

function annotate(s: string, every: number): string {
  let out = '';
  let k = 0;
  for (const ch of s) {
    out += ch;
    const r = READINGS[ch];
    if (r && k++ % every === 0) out += `(${r})`;
  }
  return out;
}

/** A paragraph of pasted text: four sentences, annotations on every `every`-th listed character. */
export function pastedParagraph(i: number, every = 1): string {
  const body = SENTENCES.map((s, k) => SENTENCES[(i + k) % SENTENCES.length]).join('');
  return '\u00a0\u00a0' + annotate(body, every);
}

/** The one wrong figure: 6 cadres announced, 2 + 3 = 5 named. */
export const WRONG_NAMED_COUNT =
  '今年新任科级干部6人，刘明远、王晓芳被提拔为副科级领导干部，张建国、李秀英、赵志强被提拔为正科级领导干部。';

/**
 * A pasted report of about `chars` characters: boilerplate, a title, `paragraphs` annotated
 * paragraphs, the wrong named count, a closing paragraph.
 */
export function pastedReport(opts: { paragraphs?: number; chars?: number; every?: number } = {}): string {
  const lines = ['當(dāng)前位置：首頁 > 基層動態', '發佈時間：2024-11-24  來源：本站', '', '关于基层组织建设的经验材料', ''];
  const every = opts.every ?? 1;
  let n = opts.paragraphs ?? 30;
  if (opts.chars) n = Math.max(1, Math.round(opts.chars / pastedParagraph(0, every).length));
  for (let i = 0; i < n; i++) lines.push(pastedParagraph(i, every), '');
  lines.push(WRONG_NAMED_COUNT, '', '下一步，我们将继续加强学习，推动各项工作再上新台阶。', '', '打印  关闭窗口');
  return lines.join('\n');
}

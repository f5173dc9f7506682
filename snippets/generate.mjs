// Generates snippets/workreport.code-snippets (committed). Run from the project root: node snippets/generate.mjs
import { writeFileSync } from 'node:fs';
const HAN = ['', '一', '二', '三', '四', '五', '六'];
const T = {
  经验材料: {
    en: 'experience', py: 'jycl',
    title: '关于${T}的经验材料',
    intro: '简述背景和总体思路：围绕什么目标、以什么为主线、开展了哪些工作。',
    sections: [
      { title: '主要做法', py: 'zyzf', runIn: true, items: [['抓落实', '高位推动'], ['抓学习', '聚力同心'], ['抓班子', '提升能力']] },
      { title: '工作成效', py: 'gzcx', items: ['组织建设', '作用发挥'], body: '用数字说明成效：开展活动多少次、覆盖多少人、获得哪些表彰。' },
      { title: '几点体会', py: 'jdth', items: ['领导重视是关键', '制度建设是保障', '队伍建设是基础'] },
    ],
  },
  工作总结: {
    en: 'summary', py: 'gzzj',
    title: '${T}年度工作总结',
    intro: '概述本年度工作的总体情况和主要成绩。',
    sections: [
      { title: '工作开展情况', py: 'gzkzqk', items: ['重点工作推进情况', '日常工作完成情况', '自身建设情况'] },
      { title: '存在的问题', py: 'czdwt', items: ['问题一', '问题二'] },
      { title: '下一步工作打算', py: 'xybgzds', items: ['打算一', '打算二', '打算三'] },
    ],
  },
  述职报告: {
    en: 'duty', py: 'szbg',
    title: '${T}述职报告',
    intro: '根据安排，现将本人任职以来履行职责情况报告如下。',
    sections: [
      { title: '履职情况', py: 'lzqk', items: ['加强学习，提高政治站位', '履职尽责，推动工作落实', '廉洁自律，树立良好形象'] },
      { title: '存在的不足', py: 'czdbz', items: ['不足一', '不足二'] },
      { title: '努力方向', py: 'nlfx', items: ['方向一', '方向二', '方向三'] },
    ],
  },
  调研报告: {
    en: 'survey', py: 'dybg',
    title: '关于${T}的调研报告',
    intro: '说明调研的目的、时间、范围和方法。',
    sections: [
      { title: '基本情况', py: 'jbqk', items: ['总体情况', '主要特点'] },
      { title: '存在的问题', py: 'czdwt', items: ['问题一', '问题二', '问题三'] },
      { title: '对策建议', py: 'dcjy', items: ['建议一', '建议二', '建议三'] },
    ],
  },
};

/** Body of one section; n = next tab stop; returns [text, next]. */
function section(sec, idx, n) {
  const lines = [`${HAN[idx]}、${sec.title}`, ''];
  if (sec.body) {
    lines.push(`\${${n++}:${sec.body}}`, '');
  }
  sec.items.forEach((it, i) => {
    if (sec.runIn) {
      lines.push(`（${HAN[i + 1]}）\${${n++}:${it[0]}}，\${${n++}:${it[1]}}。\${${n++}:具体做法和成效。}`, '');
    } else {
      lines.push(`（${HAN[i + 1]}）\${${n++}:${it}}`, '', `\${${n++}:具体内容。}`, '');
    }
  });
  return [lines, n];
}

const out = {};
for (const [name, t] of Object.entries(T)) {
  let n = 3;
  const body = [t.title.replace('${T}', `\${1:${name === '工作总结' ? '2024' : name === '述职报告' ? '个人' : '某项工作'}}`), '', '${2:报送单位}', ''];
  body.push(`\${${n++}:${t.intro}}`, '');
  t.sections.forEach((sec, i) => {
    const [ls, next] = section(sec, i + 1, n);
    n = next;
    body.push(...ls);
  });
  while (body[body.length - 1] === '') body.pop();
  body.push('$0');
  out[`${name}：全文骨架`] = {
    prefix: [`${name}骨架`, `${t.py}`, `skeleton-${t.en}`],
    description: `${name}：标题、报送单位、引言和全部部分（含编号条目） / ${name} report skeleton`,
    body,
  };
  t.sections.forEach((sec, i) => {
    const key = `${name}：${sec.title}`;
    // The same section in two templates (存在的问题) is one snippet.
    if (Object.values(out).some((s) => s.prefix[0] === sec.title)) return;
    const [ls] = section(sec, i + 1, 2);
    const b = ls.slice();
    b[0] = `\${1:${HAN[i + 1]}}、${sec.title}`;
    while (b[b.length - 1] === '') b.pop();
    b.push('$0');
    out[key] = { prefix: [sec.title, sec.py], description: `${sec.title}（${name}）：部分标题和编号条目 / section with numbered items`, body: b };
  });
}
out['抓X，Y：条目'] = {
  // No Chinese prefix: 抓 starts many clauses (，抓好…), and a popup there would be noise.
  prefix: ['zhua', 'item-zhua'],
  description: '“抓X，Y。”式条目（段首小标题） / run-in item "抓X，Y。"',
  body: ['${1:（一）}抓${2:落实}，${3:高位推动}。${4:具体做法。}$0'],
};
writeFileSync('snippets/workreport.code-snippets', JSON.stringify(out, null, 2) + '\n');
console.log(Object.keys(out).join('\n'));

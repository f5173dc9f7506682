#!/usr/bin/env python3
"""Writes the .docx test files with planted errors (python-docx; sentences written for these
tests) and a manifest of what each file holds: every line the checker must read, and every
planted error with its rule and the text it must point at. `test/docx/office.test.ts` runs it,
then has LibreOffice re-save each file, so the reader is tested on two writers' XML.

usage: make-fixtures.py OUT_DIR
"""
import io
import json
import os
import sys
import zipfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W = nsdecls("w")


def typed(out):
    """Typed numbering (一、（一）), a table, a footnote, a soft line break."""
    d = docx.Document()
    lines, planted = [], []

    def para(text, style=None, center=False):
        p = d.add_paragraph(text, style=style)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        lines.append(text)
        return p

    para("青禾县农业农村局2024年工作总结", center=True)
    para("今年以来，我局围绕乡村振兴中心任务，扎实推进各项工作，现将有关情况报告如下。")
    para("一、工作开展情况", style="Heading 1")
    p = para("（一）抓产业发展。全年培育家庭农场12家，其中省级示范农场3家、市级示范农场4家、县级示范农场6家。")
    planted.append({"rule": "figures/parts-total", "line": len(lines), "quote": "12家"})
    p.runs[0].text += "[[FN1]]"
    para("（二）抓人才培养。建成3个实训基地，分别是东坪基地、西坪基地。")
    planted.append({"rule": "figures/list-count", "line": len(lines), "quote": "3个"})
    t = d.add_table(rows=2, cols=2)
    cells = [("检测项目", "结果"), ("农产品抽检", "抽检合格率达105%。")]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
            lines.append(text)
    planted.append({"rule": "figures/percentage", "line": len(lines), "quote": "105%"})
    para("二、存在的问题", style="Heading 1")
    para("一是资金投入不足,二是人才队伍薄弱。")
    planted.append({"rule": "punct/halfwidth", "line": len(lines), "quote": ","})
    p = para("三、下一步工作打算", style="Heading 1")
    p = d.add_paragraph("明年将继续加大投入力度。")
    p.add_run().add_break()  # a soft line break (Shift+Enter): the rest is a line of its own
    p.add_run("重点抓好高标准农田建设。")
    lines.append("明年将继续加大投入力度。")
    lines.append("重点抓好高标准农田建设。")
    footnote = "数据来源：县统计局,截至2024年11月。"
    lines.append(footnote)
    planted.append({"rule": "punct/halfwidth", "line": len(lines), "quote": ","})
    data = save(d)
    data = add_footnote(data, footnote)
    write(out, "typed", data, lines, planted)


def autonum(out):
    """Headings numbered by Word's list feature (numbering.xml), not typed."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    lines, planted = [], []

    def para(text, level=None, style=None):
        p = d.add_paragraph(text, style=style)
        label = ""
        if level is not None:
            p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
            counters[level] += 1
            for deeper in range(level + 1, len(counters)):
                counters[deeper] = 0
            label = (CN[counters[level]] + "、") if level == 0 else ("（" + CN[counters[level]] + "）")
        lines.append(label + text)
        return p

    counters = [0, 0]
    para("白沙镇2024年工作总结")
    para("一年来，全镇上下齐心协力，各项工作取得新进展。")
    para("工作开展情况", level=0, style="Heading 1")
    para("强化基层治理", level=1, style="Heading 2")
    para("全镇共有村民小组18个，其中山区小组5个、平原小组14个。")
    planted.append({"rule": "figures/parts-total", "line": len(lines), "quote": "18个"})
    para("改善人居环境", level=1, style="Heading 2")
    para("完成改厕300户，群众满意度明显提升")
    para("存在的问题", level=0, style="Heading 1")
    para("部分村集体经济薄弱，增收渠道单一。")
    para("下一步工作打算", level=0, style="Heading 1")
    para("继续推进强村富民工程。")
    para("评估组提出意见3条，分别是加强宣传、完善台账。")
    planted.append({"rule": "figures/list-count", "line": len(lines), "quote": "3条"})
    write(out, "autonum", save(d), lines, planted)


def tracked(out):
    """Tracked changes (read as accepted), a deleted paragraph mark, and a comment (ignored)."""
    d = docx.Document()
    lines, planted = [], []
    d.add_paragraph("红星社区2024年工作总结")
    lines.append("红星社区2024年工作总结")
    p = d.add_paragraph("社区共有网格员12名，")
    ins = parse_xml(
        f'<w:ins {W} w:id="1" w:author="审稿人" w:date="2024-12-01T00:00:00Z"><w:r><w:t xml:space="preserve">其中专职网格员5名、兼职网格员8名。</w:t></w:r></w:ins>'
    )
    p._p.append(ins)
    lines.append("社区共有网格员12名，其中专职网格员5名、兼职网格员8名。")
    planted.append({"rule": "figures/parts-total", "line": len(lines), "quote": "12名"})
    p = d.add_paragraph("今年共开展志愿服务活动46次")
    dele = parse_xml(
        f'<w:del {W} w:id="2" w:author="审稿人" w:date="2024-12-01T00:00:00Z"><w:r><w:delText xml:space="preserve">，，删去的文字。。</w:delText></w:r></w:del>'
    )
    p._p.append(dele)
    p.add_run("。")
    lines.append("今年共开展志愿服务活动46次。")
    # A paragraph whose mark was deleted runs on into the next one.
    p = d.add_paragraph("走访困难家庭")
    p._p.get_or_add_pPr().append(parse_xml(f'<w:rPr {W}><w:del w:id="3" w:author="审稿人" w:date="2024-12-01T00:00:00Z"/></w:rPr>'))
    d.add_paragraph("120户，发放慰问金3万元.")
    lines.append("走访困难家庭120户，发放慰问金3万元.")
    planted.append({"rule": "punct/halfwidth", "line": len(lines), "quote": "."})
    p = d.add_paragraph("居民议事会全年议事20次。")
    p._p.insert(1, parse_xml(f'<w:commentRangeStart {W} w:id="7"/>'))
    p._p.append(parse_xml(f'<w:commentRangeEnd {W} w:id="7"/>'))
    p._p.append(parse_xml(f'<w:r {W}><w:commentReference w:id="7"/></w:r>'))
    lines.append("居民议事会全年议事20次。")
    data = add_comment(save(d), "7", "批注里的文字,,不检查。。")
    write(out, "tracked", data, lines, planted)


CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


def save(d):
    b = io.BytesIO()
    d.save(b)
    return b.getvalue()


def rewrite(data, edit):
    src = zipfile.ZipFile(io.BytesIO(data))
    files = {n: src.read(n) for n in src.namelist()}
    edit(files)
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for n, v in files.items():
            z.writestr(n, v)
    return b.getvalue()


def add_part(files, name, ctype, rtype, xml):
    files[name] = xml.encode("utf-8")
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/{name}" ContentType="{ctype}"/></Types>'.encode()
    )
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rIdT{len(files)}" Type="{rtype}" Target="{name[5:]}"/></Relationships>'.encode()
    )


def add_footnote(data, text):
    def edit(files):
        files["word/document.xml"] = files["word/document.xml"].replace(
            "[[FN1]]</w:t></w:r>".encode(),
            '</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'.encode(),
        )
        add_part(
            files,
            "word/footnotes.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
            f'<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:footnote>'
            "</w:footnotes>",
        )

    return rewrite(data, edit)


def add_comment(data, cid, text):
    def edit(files):
        add_part(
            files,
            "word/comments.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {W}>'
            f'<w:comment w:id="{cid}" w:author="审稿人" w:date="2024-12-01T00:00:00Z" w:initials="审"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment>'
            "</w:comments>",
        )

    return rewrite(data, edit)


def write(out, name, data, lines, planted):
    with open(os.path.join(out, name + ".docx"), "wb") as f:
        f.write(data)
    with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
        json.dump({"lines": lines, "planted": planted}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    typed(out)
    autonum(out)
    tracked(out)

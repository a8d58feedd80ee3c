#!/usr/bin/env python3
"""mkdocx.py OUTDIR — Word documents for the tests, made fresh by each test
with zipfile (the parts a .docx is made of, as Word and WPS write them):
story.docx (a title style with a Chinese style name and an arbitrary id, a
subtitle, paragraphs, a soft break, a tab, tracked changes, a field, a
footnote and a comment, a PNG with alt text and an EMF), bold.docx (no
styles: a bold first paragraph), plain.docx (no title at all), and the
hostile ones: a zip bomb, an entity bomb, deep nesting, a macro document,
an "encrypted" (OLE) file, a zip that is no Word document, a lying size."""
import os
import struct
import sys
import zipfile
import zlib

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"

TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Default Extension="emf" ContentType="image/x-emf"/>
<Override PartName="/word/document.xml" ContentType="{main}"/>
</Types>"""
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml"
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def png(width, height, rgb):
    raw = b"".join(b"\0" + bytes(rgb) * width for _ in range(height))
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def p(text, style=None, bold=False, size=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    rpr = ""
    if bold or size:
        rpr = "<w:rPr>" + ("<w:b/>" if bold else "") + (f'<w:sz w:val="{size}"/>' if size else "") + "</w:rPr>"
    return f"<w:p>{ppr}<w:r>{rpr}<w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def drawing(rid, descr):
    return (f'<w:r><w:drawing><wp:inline><wp:docPr id="1" name="图片 1" descr="{descr}"/>'
            f'<a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="{rid}"/>'
            f'</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


def document(body):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="{WP}" xmlns:a="{A}" '
            f'xmlns:pic="{PIC}"><w:body>{body}<w:sectPr/></w:body></w:document>')


def rels(*targets):
    rows = "".join(f'<Relationship Id="{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{t}"/>'
                   for i, t in targets)
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
            f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rows}</Relationships>')


STYLES = f"""<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题"/></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Subtitle"/></w:style>
<w:style w:type="paragraph" w:styleId="a1"><w:name w:val="Normal"/></w:style>
</w:styles>"""
FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W}">
<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p/></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>据市总工会统计。</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""
COMMENTS = f"""<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="{W}">
<w:comment w:id="0" w:author="王娟"><w:p><w:r><w:t>这里核实一下</w:t></w:r></w:p></w:comment>
</w:comments>"""


def write(path, parts, types_main=MAIN, compress=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compress) as z:
        z.writestr("[Content_Types].xml", TYPES.format(main=types_main))
        z.writestr("_rels/.rels", ROOT_RELS)
        for name, data in parts.items():
            z.writestr(name, data)


def story_body():
    return (p("大丰区总工会“双进”宣讲向纵深挺进", style="a3")
            + p("劳模工匠进校园 思政教师进企业", style="a5")
            + "<w:p><w:r><w:t>本刊讯 3月22日上午，大丰区总工会举行宣讲活动。</w:t></w:r>"
              '<w:r><w:footnoteReference w:id="1"/></w:r>'
              '<w:commentRangeStart w:id="0"/><w:r><w:t>汤云庆出席</w:t></w:r><w:commentRangeEnd w:id="0"/>'
              '<w:r><w:commentReference w:id="0"/></w:r>'
              '<w:ins w:id="5" w:author="王娟"><w:r><w:t>并讲话</w:t></w:r></w:ins>'
              '<w:del w:id="6" w:author="王娟"><w:r><w:delText>（删去的话）</w:delText></w:r></w:del>'
              "<w:r><w:t>。</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>软回车后的一行</w:t><w:tab/><w:t>制表符后</w:t></w:r></w:p>"
            + '<w:p><w:r><w:t>共有</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
              '<w:r><w:instrText> = 2+3 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
              '<w:r><w:t>5</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>个宣讲团。</w:t></w:r></w:p>'
            + "<w:p>" + drawing("rIdImg1", "宣讲现场 王娟 摄") + drawing("rIdImg2", "标志") + "</w:p>"
            + p("（朱建良 王娟）"))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    pic = png(64, 48, (200, 30, 30))
    emf = b"\x01\x00\x00\x00" + b"\0" * 60
    write(os.path.join(out, "story.docx"), {
        "word/document.xml": document(story_body()),
        "word/styles.xml": STYLES,
        "word/footnotes.xml": FOOTNOTES,
        "word/comments.xml": COMMENTS,
        "word/_rels/document.xml.rels": rels(("rIdImg1", "media/image1.png"), ("rIdImg2", "media/image2.emf")),
        "word/media/image1.png": pic,
        "word/media/image2.emf": emf,
    })
    write(os.path.join(out, "bold.docx"), {"word/document.xml": document(
        p("滨海县总工会深化产改", bold=True, size=36) + p("本刊讯 去年以来，滨海县总工会……") + p("（郑青青）"))})
    write(os.path.join(out, "plain.docx"), {"word/document.xml": document(
        p("射阳县工人文化宫打造最美职工书屋") + p("本刊讯 日前，射阳县工人文化宫……"))})
    # hostile
    write(os.path.join(out, "bomb.docx"), {"word/document.xml": document(
        p("炸弹") + "<w:p><w:r><w:t>" + "啊" * (20 << 20) + "</w:t></w:r></w:p>")})
    laughs = '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(8)) + "]>"
    write(os.path.join(out, "entities.docx"), {"word/document.xml": laughs + document(p("&i;")).split("\n", 1)[1]})
    deep = "<w:p>" + "<w:hyperlink>" * 5000 + "<w:r><w:t>深</w:t></w:r>" + "</w:hyperlink>" * 5000 + "</w:p>"
    write(os.path.join(out, "deep.docx"), {"word/document.xml": document(p("嵌套") + deep)})
    write(os.path.join(out, "macro.docm"), {"word/document.xml": document(p("宏")),
                                             "word/vbaProject.bin": b"\0" * 64}, types_main=MACRO)
    with open(os.path.join(out, "encrypted.docx"), "wb") as f:
        f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b"\0" * 4088)
    with zipfile.ZipFile(os.path.join(out, "sheet.xlsx"), "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    write(os.path.join(out, "badpic.docx"), {
        "word/document.xml": document(p("坏图") + "<w:p>" + drawing("rId1", "坏") + "</w:p>"),
        "word/_rels/document.xml.rels": rels(("rId1", "media/image1.png")),
        "word/media/image1.png": pic[:60]})
    write(os.path.join(out, "escape.docx"), {
        "word/document.xml": document(p("逃逸") + "<w:p>" + drawing("rId1", "x") + "</w:p>"),
        "word/_rels/document.xml.rels": rels(("rId1", "../../../etc/passwd"))})


if __name__ == "__main__":
    main()

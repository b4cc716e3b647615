"""Fixture generators for the ingest tests and benchmark: realistic Vietnamese administrative PDFs
(fpdf2 with matplotlib's bundled DejaVu Sans, so no system font is assumed) and DOCX files (python-docx
with real numbering definitions in numbering.xml)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib
from fpdf import FPDF

# The header block of a provincial plan written for the tests (issuer, số, place and date, type, trích yếu)
PLAN_HEADER = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 12/KH-UBND\nHà Nam, ngày 3 tháng 3 năm 2035\nKẾ HOẠCH\n"
               "Phát triển cụm công nghiệp năm 2035\n")

# The closing block of a provincial document written for the tests (recipients, signature)
SIGNATURE = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Bình\n"

# A resolution with one task for a ministry and two for localities, and a plan carrying out one of the two (the
# other locality task is a gap, the ministry's is no locality's to carry out)
MINISTRY_AND_LOCALITIES = ("CHÍNH PHỦ\nSố: 99/NQ-CP\nNGHỊ QUYẾT\nVề một việc thử\nIII. NHIỆM VỤ\n"
                           "1. Bộ Ngoại giao chủ trì đàm phán hiệp định biên giới với các nước láng giềng.\n"
                           "2. Ủy ban nhân dân các tỉnh biên giới chủ trì xây dựng chợ biên giới và cửa khẩu phụ.\n"
                           "3. Ủy ban nhân dân các tỉnh biên giới chủ trì trồng rừng phòng hộ đầu nguồn.\n")
PLAN_FOR_ONE_LOCALITY_TASK = ("ỦY BAN NHÂN DÂN TỈNH KON TUM\nSố: 5/KH-UBND\nKẾ HOẠCH\nThực hiện Nghị quyết số 99/NQ-CP\n"
                              "1. Sở Công Thương chủ trì xây dựng chợ biên giới và cửa khẩu phụ trên địa bàn tỉnh.\n")

# A decision as collected, Markdown notes above its header block (real case: Lào Cai QĐ 3556/QĐ-UBND 2026)
COLLECTED_DECISION = (
    "# QĐ 12/QĐ-UBND ngày 05/3/2035 của UBND tỉnh Hà Nam + Quy chế kèm theo — bản trích chữ\n\n"
    "## PHẦN 1 — QUYẾT ĐỊNH (2 trang)\n"
    "    ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "      TỈNH HÀ NAM                          Độc lập - Tự do - Hạnh phúc\n\n"
    "    Số: 12 /QĐ-UBND                 Hà Nam, ngày    05   tháng 3 năm 2035\n\n"
    "                                 QUYẾT ĐỊNH\n"
    "     Ban hành Quy chế quản lý dữ liệu môi trường tỉnh Hà Nam\n\n"
    "                    ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\n"
    "     Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;\n\n"
    "                                 QUYẾT ĐỊNH\n\n"
    "     Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý dữ liệu môi trường.\n"
    "     Điều 2. Sở Nông nghiệp và Môi trường chủ trì tổ chức thực hiện Quy chế.\n"
)

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
FONT_ITALIC = FONT_DIR / "DejaVuSans-Oblique.ttf"
FONT_BOLD_ITALIC = FONT_DIR / "DejaVuSans-BoldOblique.ttf"


@dataclass
class Header:
    """A two-column header block: issuer and số hiệu (+ V/v) left; nation, motto, place/date right."""

    issuer: list[str] = field(default_factory=lambda: ["ỦY BAN NHÂN DÂN", "TỈNH KON TUM"])
    number: str = "Số: 1234/UBND-KTTH"
    subject: list[str] = field(default_factory=list)
    nation: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    place_date: str = "Kon Tum, ngày 15 tháng 6 năm 2022"

    def left(self) -> list[str]:
        return [*self.issuer, self.number, *self.subject]

    def right(self) -> list[str]:
        return [self.nation, self.motto, self.place_date]


@dataclass
class Para:
    text: str
    bold: bool = False
    italic: bool = False
    center: bool = False
    keep_lines: bool = False  # True: print the text's own line breaks, no re-wrapping


class _Letter(FPDF):
    page_numbers: str | None = "top"  # "top" | "bottom" | None; none on page 1 (Vietnamese practice)
    running_header: str | None = None
    running_footer: str | None = None
    size: float = 13

    def header(self):
        if self.running_header:
            self.set_font("DejaVu", "", 9)
            self.set_xy(15, 6)
            self.cell(180, 4, self.running_header, align="R")
        if self.page_numbers == "top" and self.page_no() > 1:
            self.set_font("DejaVu", "", 12)
            self.set_xy(15, 10)
            self.cell(180, 5, str(self.page_no()), align="C")
        self.set_xy(self.l_margin, 20)
        self.set_font("DejaVu", "", self.size)

    def footer(self):
        if self.running_footer:
            self.set_font("DejaVu", "", 9)
            self.set_xy(15, -12)
            self.cell(180, 4, self.running_footer, align="L")
        if self.page_numbers == "bottom":
            self.set_font("DejaVu", "", 11)
            self.set_xy(15, -16)
            self.cell(180, 5, f"- {self.page_no()} -", align="C")
        self.set_font("DejaVu", "", self.size)


def new_pdf(size: float = 13, page_numbers: str | None = "top", running_header: str | None = None,
            running_footer: str | None = None) -> _Letter:
    pdf = _Letter(format="A4")
    pdf.page_numbers, pdf.running_header, pdf.running_footer, pdf.size = (page_numbers, running_header,
                                                                          running_footer, size)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.add_font("DejaVu", "I", str(FONT_ITALIC))
    pdf.add_font("DejaVu", "BI", str(FONT_BOLD_ITALIC))
    pdf.set_margins(20, 20, 15)
    pdf.set_auto_page_break(True, margin=22)
    return pdf


def draw_header(pdf: FPDF, header: Header, size: float = 11) -> None:
    """The two-column header block at the top of the current page."""
    top = pdf.get_y()
    pdf.set_font("DejaVu", "B", size)
    y = top
    for line in header.issuer:
        pdf.set_xy(10, y)
        pdf.cell(75, 5.5, line, align="C")
        y += 5.5
    pdf.set_font("DejaVu", "", size)
    pdf.set_xy(10, y + 2)
    pdf.cell(75, 5.5, header.number, align="C")
    y += 7.5
    for line in header.subject:
        pdf.set_xy(10, y + 1)
        pdf.cell(75, 5, line, align="C")
        y += 5
    pdf.set_font("DejaVu", "B", size)
    pdf.set_xy(88, top)
    pdf.cell(115, 5.5, header.nation, align="C")
    pdf.set_xy(88, top + 5.5)
    pdf.cell(115, 5.5, header.motto, align="C")
    pdf.set_font("DejaVu", "I", size)
    pdf.set_xy(88, top + 13)
    pdf.cell(115, 5.5, header.place_date, align="C")
    pdf.set_xy(pdf.l_margin, max(y, top + 18) + 8)


def draw_paragraphs(pdf: _Letter, paragraphs: list[Para]) -> None:
    for para in paragraphs:
        style = ("B" if para.bold else "") + ("I" if para.italic else "")
        pdf.set_font("DejaVu", style, pdf.size)
        lines = para.text.split("\n") if para.keep_lines else [para.text]
        for line in lines:
            pdf.multi_cell(0, max(pdf.size * 0.5, 4.5), line, align="C" if para.center else ("L" if para.keep_lines else "J"),
                           new_x="LMARGIN", new_y="NEXT")


def make_pdf(path: Path, paragraphs: list[Para], header: Header | None = None, **options) -> Path:
    pdf = new_pdf(**options)
    pdf.add_page()
    if header is not None:
        draw_header(pdf, header)
    draw_paragraphs(pdf, paragraphs)
    pdf.output(str(path))
    return path


def letter_paragraphs(items: int = 6, bullets: int = 4) -> list[Para]:
    """A realistic body: numbered items with lettered points and dash bullets, long enough to wrap."""
    paras = [Para("Thực hiện Nghị quyết số 23/NQ-CP ngày 02 tháng 3 năm 2022 của Chính phủ về phát triển kinh tế "
                  "khu vực biên giới đất liền, Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành thực hiện tốt các "
                  "nhiệm vụ sau:")]
    for item in range(1, items + 1):
        paras.append(Para(f"{item}. Nhóm nhiệm vụ thứ {item} về phát triển hạ tầng khu vực biên giới", bold=True))
        for letter in "abc":
            paras.append(Para(f"{letter}) Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính và Ủy ban nhân "
                              "dân các huyện biên giới tham mưu Ủy ban nhân dân tỉnh bố trí nguồn vốn đầu tư công "
                              "cho các dự án hạ tầng giao thông, thủy lợi, điện, nước sinh hoạt."))
        for bullet in range(bullets):
            paras.append(Para(f"- Rà soát, đánh giá kết quả thực hiện giai đoạn {2016 + bullet}-{2020 + bullet}, đề "
                              "xuất điều chỉnh cơ chế, chính sách hỗ trợ phù hợp với điều kiện thực tế của địa "
                              "phương; báo cáo kết quả trước ngày 30 tháng 11 hằng năm."))
    paras.append(Para("Nơi nhận:", bold=True, italic=True))
    paras.append(Para("- Như trên;\n- Lưu: VT, KTTH.", keep_lines=True))
    paras.append(Para("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A", bold=True, center=True, keep_lines=True))
    return paras


# --------------------------------------------------------------------------- seed documents

_MD_MARKERS = re.compile(r"\*\*|\*|^#+\s*", re.MULTILINE)


def md_paragraphs(text: str) -> list[tuple[str, bool]]:
    """Markdown text -> (display text, bold) paragraphs (blank-line separated; soft breaks kept as lines)."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        for line in block.split("\n"):
            line = line.rstrip()
            if not line.strip():
                continue
            bold = line.strip().startswith("**") or line.strip().startswith("#")
            out.append((_MD_MARKERS.sub("", line).strip(), bold))
    return out


def seed_header_split(paragraphs: list[tuple[str, bool]]) -> tuple[Header | None, list[tuple[str, bool]]]:
    """Take the header lines (issuer, nation, motto, số, place/date) off the top of a seed document."""
    from pipeline.ingest.layout import header_kind

    kinds = [header_kind(text) for text, _ in paragraphs[:8]]
    if "nation" not in kinds:
        return None, paragraphs
    nation_at = kinds.index("nation")
    issuer = [text for text, _ in paragraphs[:nation_at]]
    rest = paragraphs[nation_at:]
    header = Header(issuer=issuer, subject=[])
    consumed = 0
    for text, _ in rest[:4]:
        kind = header_kind(text)
        if kind == "nation":
            header.nation = text
        elif kind == "motto":
            header.motto = text
        elif kind == "number":
            header.number = text
        elif kind == "place_date":
            header.place_date = text
        else:
            break
        consumed += 1
    return header, rest[consumed:]


def seed_pdf(source: Path, target: Path) -> Path:
    """A seed text rendered as a real letter PDF: two-column header, wrapped paragraphs, page numbers."""
    text = source.read_text(encoding="utf-8")
    if source.suffix == ".md":
        header, body = seed_header_split(md_paragraphs(text))
        paras = [Para(t, bold=b) for t, b in body]
        return make_pdf(target, paras, header=header)
    # A text file keeps its own line breaks (it is already a laid-out letter): print each line on one
    # PDF line, in the largest size at which the longest line fits the text width.
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    probe = new_pdf()
    probe.add_page()
    size = 13.0
    while size > 6:
        probe.set_font("DejaVu", "", size)
        if max(probe.get_string_width(line) for line in lines) <= probe.epw - 1:
            break
        size -= 0.5
    return make_pdf(target, [Para("\n".join(lines), keep_lines=True)], size=size)


# --------------------------------------------------------------------------- DOCX


def _w(tag: str) -> str:
    return "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}" + tag


NUMBERING_XML = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:abstractNum w:abstractNumId="10">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="11">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="12">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="13">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="14">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="12"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="13"/></w:num>
</w:numbering>"""


def install_numbering(document, xml: str = NUMBERING_XML) -> None:
    """Replace the document's numbering part content with `xml` (abstractNum/num definitions)."""
    from lxml import etree

    part = document.part.numbering_part
    root = part.element
    for child in list(root):
        root.remove(child)
    for child in etree.fromstring(xml.encode("utf-8")):
        root.append(child)


def add_numbered(document, text: str, num_id: int, ilvl: int = 0, bold: bool = False):
    """A paragraph whose label comes from Word numbering (w:numPr), not from its text."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold or None
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), str(ilvl))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    numpr.append(level)
    numpr.append(num)
    ppr.append(numpr)
    return paragraph


def add_header_table(document, header: Header):
    """The usual 2×2 borderless header table: issuer | nation+motto ; số | place/date."""
    table = document.add_table(rows=2, cols=2)
    cells = table.rows[0].cells
    cells[0].paragraphs[0].add_run(header.issuer[0]).bold = True
    for line in header.issuer[1:]:
        cells[0].add_paragraph().add_run(line).bold = True
    cells[1].paragraphs[0].add_run(header.nation).bold = True
    cells[1].add_paragraph().add_run(header.motto).bold = True
    cells = table.rows[1].cells
    cells[0].paragraphs[0].add_run(header.number)
    for line in header.subject:
        cells[0].add_paragraph(line)
    cells[1].paragraphs[0].add_run(header.place_date).italic = True
    return table


def seed_docx(source: Path, target: Path) -> Path:
    """A seed text as a Word file: header table, bold headings, Word numbering for roman parts, numbered
    items and dash bullets (labels only in numbering.xml), literal lettered points (Word cannot show đ)."""
    import docx

    document = docx.Document()
    install_numbering(document, seed_numbering_xml())
    text = source.read_text(encoding="utf-8")
    if source.suffix == ".md":
        header, body = seed_header_split(md_paragraphs(text))
        if header is not None:
            add_header_table(document, header)
    else:
        body = [(line.strip(), False) for line in text.split("\n") if line.strip()]
    state = _SeedNumbering()
    for line, bold in body:
        roman = re.match(r"([IVX]+)\.\s+(.*)", line)
        number = re.match(r"(\d{1,2})\.\s+(.*)", line)
        dash = re.match(r"-\s+(.*)", line)
        if roman and source.suffix == ".md":
            add_numbered(document, roman.group(2), 1, 0, bold)
            state.in_part = True
        elif number and source.suffix == ".md" and state.in_part:
            num_id = state.number_list(int(number.group(1)))
            if num_id is None:
                document.add_paragraph().add_run(line).bold = bold or None
            else:
                add_numbered(document, number.group(2), num_id, 0, bold)
        elif dash and source.suffix == ".md":
            add_numbered(document, dash.group(1), 5, 0, bold)
        else:
            paragraph = document.add_paragraph()
            paragraph.add_run(line).bold = bold or None
    document.save(str(target))
    return target


class _SeedNumbering:
    """Numbered items restart under each roman part: a new w:num (startOverride 1) for each run."""

    def __init__(self):
        self.in_part = False
        self.next_value: int | None = None
        self.current: int | None = None
        self.created = 0

    def number_list(self, value: int) -> int | None:
        """The numId that displays `value`, or None when Word numbering cannot show it."""
        if value == 1:
            self.created += 1
            self.current = 100 + self.created
        elif self.current is None or value != self.next_value:
            return None
        self.next_value = value + 1
        return self.current


def seed_numbering_xml(max_runs: int = 80) -> str:
    """NUMBERING_XML plus w:num 101…: each a restart (startOverride) of one decimal list."""
    runs = "".join(
        f'<w:num w:numId="{100 + k}"><w:abstractNumId w:val="14"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        for k in range(1, max_runs + 1)
    )
    return NUMBERING_XML.replace("</w:numbering>", runs + "</w:numbering>")

"""Property tests: random well-formed outlines, rendered as plain text (hard-wrapped or not) or markdown,
with and without misprinted labels, parse back to the same tree of sections and tasks."""
from __future__ import annotations

import textwrap
import unicodedata
from dataclasses import dataclass, field

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.ingest import from_string
from pipeline.normalize import letter_sequence, normalize, numbering_rules, parse_label, sequence_of, successor
from pipeline.segment import segment
from pipeline.vntext import fold, fold_aligned, strip_diacritics

LETTERS = letter_sequence()
ROMAN = ["I", "II", "III", "IV", "V"]
OPENINGS = ["Chủ trì, phối hợp với", "Phối hợp với", "Rà soát", "Nghiên cứu, đề xuất", "Hướng dẫn các địa phương", "Tổ chức",
            "Xây dựng", "Bộ Tài chính", "Sở Y tế", "Ủy ban nhân dân các huyện", "Tiếp tục triển khai"]
WORDS = ["các", "bộ,", "ngành", "liên", "quan", "Bộ", "Nội", "vụ", "Sở", "Công", "Thương", "kinh", "tế", "-", "xã",
         "hội", "năm", "2021", "ngày", "15", "tháng", "3", "vùng", "biên", "giới", "(ODA)", "đầu", "tư", "Ủy", "ban",
         "nhân", "dân", "tỉnh", "Kon", "Tum", "bảo", "đảm", "an", "ninh;", "hạ", "tầng", "giao", "thông", "số",
         "23/NQ-CP", "hiệu", "quả,", "thực", "hiện", "chương", "trình", "mục", "tiêu", "quốc", "gia"]
AGENCIES = ["Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "Bộ Công an", "Sở Y tế", "Các địa phương có biên giới",
            "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với các sở, ngành:", "Ủy ban dân tộc"]
TITLES = ["Phát triển kết cấu hạ tầng khu vực biên giới", "Huy động nguồn lực", "Phát triển sản xuất",
          "Bảo đảm quốc phòng, an ninh"]
PART_TITLES = ["NHIỆM VỤ, GIẢI PHÁP", "CÁC NHIỆM VỤ TRỌNG TÂM", "TỔ CHỨC THỰC HIỆN", "GIẢI PHÁP CHỦ YẾU"]
PREAMBLE = ("Thực hiện Nghị quyết số 23/NQ-CP ngày 02 tháng 3 năm 2022 của Chính phủ về phát triển kinh tế khu vực "
            "biên giới đất liền, Ủy ban nhân dân tỉnh yêu cầu các Sở, ban, ngành thuộc tỉnh, Ủy ban nhân dân các "
            "huyện, thành phố căn cứ chức năng, nhiệm vụ được giao, chủ động nghiên cứu, tổ chức triển khai thực "
            "hiện và tham mưu Ủy ban nhân dân tỉnh thực hiện nghiêm, đầy đủ và hiệu quả các nhiệm vụ, giải pháp về "
            "phát triển bền vững kinh tế - xã hội vùng biên giới gắn với tạo việc làm, tăng thu nhập; bảo đảm an "
            "sinh xã hội, giảm nghèo bền vững, thu hẹp chênh lệch vùng, miền; trong đó, tập trung thực hiện có hiệu "
            "quả các nhiệm vụ trọng tâm sau:")
CLOSING = "Nơi nhận:\n- Như trên;\n- Lưu: VT, KTTH.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An"


@dataclass
class Item:
    kind: str  # "roman" | "number" | "letter" | "dash" | "plus"
    text: str  # heading (with children) or task sentence (leaf)
    children: list[Item] = field(default_factory=list)


def sentence(opening: str, words: list[str], end: str) -> str:
    """A task sentence; a dash only joins two plain words ("kinh tế - xã hội"), as in real text."""
    kept: list[str] = []
    for i, word in enumerate(words):
        joins = 0 < i < len(words) - 1 and kept and not kept[-1].endswith((",", ";")) and words[i + 1] != "-"
        if word != "-" or joins:
            kept.append(word)
    return " ".join([opening, *kept]).rstrip(",;") + end


sentences = st.builds(
    sentence,
    st.sampled_from(OPENINGS), st.lists(st.sampled_from(WORDS), min_size=6, max_size=30), st.sampled_from([".", ";"]),
)


@st.composite
def lettered(draw) -> Item:
    if draw(st.booleans()):
        return Item("letter", draw(sentences))
    bullet = draw(st.sampled_from(["dash", "plus"]))
    bullets = draw(st.lists(sentences, min_size=1, max_size=4))
    return Item("letter", draw(st.sampled_from(AGENCIES)), [Item(bullet, s) for s in bullets])


@st.composite
def numbered(draw) -> Item:
    shape = draw(st.sampled_from(["leaf", "letters", "bullets"]))
    if shape == "leaf":
        return Item("number", draw(sentences))
    title = draw(st.sampled_from(TITLES))
    if shape == "bullets":
        return Item("number", title, [Item("dash", s) for s in draw(st.lists(sentences, min_size=1, max_size=3))])
    return Item("number", title, draw(st.lists(lettered(), min_size=1, max_size=7)))


@st.composite
def outlines(draw) -> list[Item]:
    items = st.lists(numbered(), min_size=1, max_size=4)
    if draw(st.booleans()):
        parts = draw(st.lists(st.sampled_from(PART_TITLES), min_size=1, max_size=3))
        return [Item("roman", title, draw(items)) for title in parts]
    return draw(items)


def label_of(item: Item, index: int) -> str:
    if item.kind == "roman":
        return f"{ROMAN[index]}."
    if item.kind == "number":
        return f"{index + 1}."
    if item.kind == "letter":
        return f"{LETTERS[index]})"
    return "-" if item.kind == "dash" else "+"


def expected_tree(items: list[Item], parent: str | None = None) -> tuple[dict[str, str], list[str]]:
    """Task id -> folded text, and section ids, as the gold conventions define them."""
    tasks: dict[str, str] = {}
    sections: list[str] = []
    for index, item in enumerate(items):
        own = ROMAN[index] if item.kind == "roman" else (
            str(index + 1) if item.kind in ("number", "dash", "plus") else LETTERS[index])
        node_id = f"{parent}.{own}" if parent else own
        if item.children or item.kind == "roman":
            sections.append(node_id)
            sub_tasks, sub_sections = expected_tree(item.children, node_id)
            tasks.update(sub_tasks)
            sections.extend(sub_sections)
        else:
            tasks[node_id] = fold(item.text)
    return tasks, sections


def render(items: list[Item], style: dict, misprint: bool) -> tuple[str, int]:
    """The document text and the number of misprinted labels injected."""
    lines: list[str] = []
    misprints = 0

    def emit(text: str, depth: int, heading: bool) -> None:
        if style["markdown"] and heading and style["hashes"]:
            text = "#" * style["hashes"][depth % len(style["hashes"])] + " " + (f"**{text}**" if style["bold"] else text)
        elif style["markdown"] and style["bold"] and heading:
            text = f"**{text}**"
        if style["wrap"]:
            lines.extend(textwrap.wrap(text, width=style["wrap"], break_long_words=False, break_on_hyphens=False))
        else:
            lines.append(text)
        if style["blank"] or style["markdown"]:
            lines.append("")

    def walk(nodes: list[Item], depth: int) -> None:
        nonlocal misprints
        for index, item in enumerate(nodes):
            label = label_of(item, index)
            if misprint and item.kind == "letter" and LETTERS[index] == "đ":
                label = "d)"
                misprints += 1
            emit(f"{label} {item.text}", depth, heading=bool(item.children))
            walk(item.children, depth + 1)

    emit(PREAMBLE, 0, heading=False)
    walk(items, 0)
    lines.append("")
    return "\n".join(lines) + "\n" + CLOSING + "\n", misprints


styles = st.fixed_dictionaries({
    "markdown": st.booleans(),
    "hashes": st.lists(st.integers(min_value=2, max_value=6), max_size=4),
    "bold": st.booleans(),
    "blank": st.booleans(),
    "wrap": st.sampled_from([0, 0, 64, 72, 80]),
})


def check(items: list[Item], style: dict, misprint: bool) -> None:
    if style["markdown"]:
        style = {**style, "wrap": 0}
    text, misprints = render(items, style, misprint)
    source = from_string(text, name="generated", kind="md" if style["markdown"] else "txt")
    doc = segment(normalize(source), source)
    want_tasks, want_sections = expected_tree(items)
    got_tasks = {t.id: fold(t.text) for t in doc.tasks}
    assert got_tasks == want_tasks, text
    assert [s.id for s in doc.sections] == want_sections, text
    repaired = [n for n in doc.notices if n.code == "label-repaired"]
    assert len(repaired) == misprints, text
    assert fold(doc.preamble).startswith("thuc hien nghi quyet so 23")
    assert doc.meta.signer == "Nguyễn Văn An"


# a hard-wrapped item ending with a figure ("… các 3.") before the next item "4.": siblings, no inline enumeration
_FIGURE_END = [Item("number", "Chủ trì, phối hợp với các các các các các các.", []),
               Item("number", "Chủ trì, phối hợp với các các các các các các.", []),
               Item("number", "Chủ trì, phối hợp với các các các các các 3.", []),
               Item("number", "Chủ trì, phối hợp với các các các các các các.", [])]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines(), styles)
@example(_FIGURE_END, {"markdown": False, "hashes": [], "bold": False, "blank": False, "wrap": 72})
def test_outline_round_trip(items, style):
    check(items, style, misprint=False)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines(), styles)
def test_outline_round_trip_with_misprinted_letters(items, style):
    check(items, style, misprint=True)


@st.composite
def ocr_numbered_lists(draw) -> tuple[list[str], int, str]:
    """Tasks 1..n under a part heading, one paragraph each; one label that has a successor printed as OCR reads a
    scan: its dot lost ("1 Rà soát …") or, for 5, the figure misread ("Š. Rà soát …"; rules/numbering.yaml)."""
    texts = draw(st.lists(sentences.map(lambda t: t.rstrip(";.") + "."), min_size=2, max_size=7))
    index = draw(st.integers(min_value=0, max_value=len(texts) - 2))
    misprint = draw(st.sampled_from(["lost dot", "Š"] if index == 4 else ["lost dot"]))
    return texts, index, misprint


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ocr_numbered_lists(), st.booleans())
# a số hiệu wrapped at its hyphen ("… 23/NQ-" / "CP.") in one print and not in the other: the same task text
@example((["Rà soát các các ngành ngành ngành ngành ngành liên tầng tầng 23/NQ-CP.",
           "Chủ trì, phối hợp với các các các các các các."], 0, "lost dot"), True)
def test_a_label_ocr_misprinted_into_no_label_is_read_in_sequence(case, wrap):
    # the document reads as the same document printed with the label intact, and a notice says so
    texts, index, misprint = case

    def parsed(misprinted: bool):
        lines = ["II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", ""]
        for k, text in enumerate(texts):
            label = f"{k + 1}." if k != index or not misprinted else (f"{k + 1}" if misprint == "lost dot" else "Š.")
            lines += [*(textwrap.wrap(f"{label} {text}", width=72) if wrap else [f"{label} {text}"]), ""]
        # a PDF's text wraps every paragraph, the preamble too: a short text whose only wrapped lines are a few
        # items' shows no wrap width, and reads as one paragraph per line
        preamble = "\n".join(textwrap.wrap(PREAMBLE, width=72)) if wrap else PREAMBLE
        text = preamble + "\n\n" + "\n".join(lines) + "\n" + CLOSING + "\n"
        source = from_string(text, name="generated", kind="txt")
        return segment(normalize(source), source)

    doc, intact = parsed(True), parsed(False)
    assert [(t.id, t.text) for t in doc.tasks] == [(t.id, t.text) for t in intact.tasks]
    assert [t.id for t in doc.tasks][:len(texts)] == [f"II.{k + 1}" for k in range(len(texts))]
    assert len([n for n in doc.notices if n.code == "label-repaired"]) == 1


# --------------------------------------------------------------------------- statutes

CONDITION_OPENINGS = ["Hồ sơ đề nghị gồm", "Người đề nghị cấp chứng chỉ phải", "Cơ sở sản xuất phải bảo đảm",
                      "Việc huấn luyện được thực hiện"]
conditions = st.builds(sentence, st.sampled_from(CONDITION_OPENINGS),
                       st.lists(st.sampled_from(WORDS), min_size=4, max_size=20), st.just("."))
DUTY_HEADINGS = ["Bộ Công Thương có trách nhiệm:", "Ủy ban nhân dân cấp tỉnh có trách nhiệm:",
                 "Bộ Công an trong phạm vi nhiệm vụ, quyền hạn của mình thực hiện các nội dung sau:"]


@dataclass
class Article:
    title: str
    task: bool  # a task article (responsibility, implementation)
    clauses: list[tuple[str, list[str]]]  # (clause text or heading, points)


@st.composite
def articles(draw) -> Article:
    if draw(st.booleans()):
        title = draw(st.sampled_from(["Trách nhiệm của các bộ, ngành", "Tổ chức thực hiện",
                                      "Trách nhiệm thi hành"]))
        clauses = []
        for _ in range(draw(st.integers(min_value=1, max_value=4))):
            if draw(st.booleans()):
                clauses.append((draw(sentences), []))
            else:
                clauses.append((draw(st.sampled_from(DUTY_HEADINGS)), draw(st.lists(sentences, min_size=1, max_size=6))))
        return Article(title, True, clauses)
    title = draw(st.sampled_from(["Điều kiện cấp chứng chỉ", "Hồ sơ đề nghị", "Giải thích từ ngữ"]))
    clauses = [(draw(conditions), draw(st.lists(conditions, max_size=3))) for _ in range(draw(st.integers(0, 3)))]
    return Article(title, False, clauses)


def render_statute(chapters: list[list[Article]], blank: bool, misprint: bool) -> tuple[str, dict, list, int]:
    lines = ["CHÍNH PHỦ", "Số: 9/2035/NĐ-CP", "NGHỊ ĐỊNH", "Quy định chi tiết một số điều của Luật Thử nghiệm",
             "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;", "Chính phủ ban hành Nghị định."]
    tasks: dict[str, str] = {}
    sections: list[str] = []
    misprints = 0
    number = 0
    for c, chapter in enumerate(chapters):
        lines += [f"Chương {ROMAN[c]}", "QUY ĐỊNH CHUNG" if c == 0 else "NỘI DUNG CỤ THỂ"]
        sections.append(f"Chương.{ROMAN[c]}")
        for article in chapter:
            number += 1
            lines.append(f"Điều {number}. {article.title}")
            sections.append(str(number))
            if not article.clauses and article.task:
                continue
            for k, (text, points) in enumerate(article.clauses, start=1):
                lines.append(f"{k}. {text}")
                if points:
                    sections.append(f"{number}.{k}")
                elif article.task:
                    tasks[f"{number}.{k}"] = fold(text)
                for p, point in enumerate(points):
                    printed = "d" if misprint and LETTERS[p] == "đ" else LETTERS[p]
                    misprints += printed != LETTERS[p]
                    lines.append(f"{printed}) {point}")
                    if article.task:
                        tasks[f"{number}.{k}.{LETTERS[p]}"] = fold(point)
    lines += ["Nơi nhận:", "- Lưu: VT.", "TM. CHÍNH PHỦ", "THỦ TƯỚNG", "Nguyễn Văn An",
              "PHỤ LỤC", "MẪU QUYẾT ĐỊNH", "Điều 1. Phê duyệt kế hoạch.", "Điều 2. Đơn vị có trách nhiệm thực hiện."]
    return ("\n\n" if blank else "\n").join(lines) + "\n", tasks, sections, misprints


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(articles(), min_size=1, max_size=4), min_size=1, max_size=3), st.booleans(), st.booleans())
def test_statute_round_trip(chapters, blank, misprint):
    text, want_tasks, want_sections, misprints = render_statute(chapters, blank, misprint)
    source = from_string(text, name="decree")
    doc = segment(normalize(source), source)
    assert {t.id: fold(t.text) for t in doc.tasks} == want_tasks, text
    assert [s.id for s in doc.sections if s.kind != "appendix"] == want_sections, text
    assert len([n for n in doc.notices if n.code == "label-repaired"]) == misprints, text
    assert doc.meta.number == "9/2035/NĐ-CP" and doc.meta.signer == "Nguyễn Văn An"


# --------------------------------------------------------------------------- successor over the numbering grammar

# written out here, independently of rules/numbering.yaml: no f, j, w, z; "đ" after "d"
VIETNAMESE_LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x",
                      "y"]


def roman(n: int) -> str:
    """Roman numeral of 1 <= n <= 99, written out independently of pipeline.normalize."""
    tens = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"]
    units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    return tens[n // 10] + units[n % 10]


# label kind -> (the printed label of its n-th value, the largest n whose successor its pattern still admits;
# the grammar reads roman numerals up to LXXXIX)
NUMBERING = {
    "part": (lambda n: f"Phần {roman(n)}", 88),
    "chapter": (lambda n: f"Chương {roman(n)}", 88),
    "section": (lambda n: f"Mục {n}", 98),
    "article": (lambda n: f"Điều {n}.", 998),
    "roman": (lambda n: f"{roman(n)}.", 36),  # at most six numerals
    "number4": (lambda n: f"1.2.3.{n}", 98),
    "number3": (lambda n: f"4.5.{n}", 98),
    "number2": (lambda n: f"6.{n}", 98),
    "number": (lambda n: f"{n}.", 98),
    "number_paren": (lambda n: f"({n})", 98),
    "roman_paren": (lambda n: f"({roman(n).lower()})", 38),
    "letter": (lambda n: f"{VIETNAMESE_LETTERS[n - 1]})", len(VIETNAMESE_LETTERS) - 1),
    "letter_dot": (lambda n: f"{VIETNAMESE_LETTERS[n - 1]}.", len(VIETNAMESE_LETTERS) - 1),
    # a plan's parts "A." … "H."; the ninth, "I.", is read as a roman numeral
    "letter_upper": (lambda n: f"{VIETNAMESE_LETTERS[n - 1].upper()}.", 7),
    "number_letter": (lambda n: f"2.1.{VIETNAMESE_LETTERS[n - 1]}.", len(VIETNAMESE_LETTERS) - 1),
}


def test_every_numbered_label_kind_is_covered():
    assert {rule.kind for rule in numbering_rules().labels if rule.sequence != "none"} == set(NUMBERING)


@st.composite
def numbered_labels(draw) -> tuple[str, int]:
    kind = draw(st.sampled_from(sorted(NUMBERING)))
    return kind, draw(st.integers(min_value=1, max_value=NUMBERING[kind][1]))


@given(numbered_labels())
def test_successor_of_the_nth_label_is_the_next_label(case):
    kind, n = case
    printed = NUMBERING[kind][0]
    label, following = parse_label(f"{printed(n)} Nội dung"), parse_label(f"{printed(n + 1)} Nội dung")
    assert label.kind == following.kind == kind
    assert successor(sequence_of(kind), label.value) == following.value


@given(st.integers(min_value=1, max_value=88))
def test_lower_case_roman_numerals_follow_each_other(n):
    assert successor("roman", roman(n).lower()) == roman(n + 1).lower()


CAPITALS = "ABCDĐEGHIKLMNOPQRSTUVXYỦ"


@given(st.integers(min_value=1, max_value=99), st.text(alphabet=CAPITALS, min_size=1, max_size=6),
       st.text(alphabet=CAPITALS.lower() + "0123456789.-", max_size=8))
def test_a_number_glued_to_a_word_is_a_label_unless_the_word_holds_a_figure(n, head, tail):
    # OCR loses the blank after a clause number ("5.Ủy ban …"), but a word with a figure glued to a number is a code
    # or a file name ("18.CTRTW31.DOC 2", the running header a scan prints atop each page)
    label = parse_label(f"{n}.{head}{tail} nội dung")
    if any(c.isdigit() for c in tail):
        assert label is None
    else:
        assert label is not None and label.kind == "number" and label.value == str(n)


def test_the_last_letter_has_no_successor():
    assert successor("letter", VIETNAMESE_LETTERS[-1]) is None


# labels an amending document inserts after an existing one: kind -> (printed label of the n-th value with a
# suffix, the suffixes it takes); the suffix is a letter after a number and a digit after a letter
INSERTED = {
    "article": (lambda n, suffix: f"Điều {n}{suffix}.", "abcdđ"),
    "number": (lambda n, suffix: f"{n}{suffix}.", "abcdđ"),
    "letter": (lambda n, suffix: f"{VIETNAMESE_LETTERS[n - 1]}{suffix})", "123456789"),
}


@st.composite
def inserted_labels(draw) -> tuple[str, int, str]:
    kind = draw(st.sampled_from(sorted(INSERTED)))
    return kind, draw(st.integers(min_value=1, max_value=NUMBERING[kind][1])), draw(st.sampled_from(INSERTED[kind][1]))


@given(inserted_labels())
def test_an_inserted_label_is_placed_after_its_base_and_before_the_next(case):
    kind, n, suffix = case
    base = parse_label(f"{NUMBERING[kind][0](n)} Nội dung")
    inserted = parse_label(f"{INSERTED[kind][0](n, suffix)} Nội dung")
    following = parse_label(f"{NUMBERING[kind][0](n + 1)} Nội dung")
    assert inserted.kind == kind and inserted.inserted and not base.inserted
    assert inserted.base == base.value and inserted.value == base.value + suffix
    assert successor(sequence_of(kind), inserted.base) == following.value


@st.composite
def amended_statutes(draw) -> tuple[str, dict[str, str], list[str]]:
    """A decree as an amending decree leaves it (or as a consolidated text prints it): inserted articles, clauses
    and points after their base; the text, task id -> folded text, and the ids of the articles and headings."""
    lines = ["CHÍNH PHỦ", "Số: 9/2035/NĐ-CP", "NGHỊ ĐỊNH", "Quy định chi tiết một số điều của Luật Thử nghiệm",
             "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;", "Chính phủ ban hành Nghị định."]
    tasks: dict[str, str] = {}
    sections: list[str] = []
    inserted = st.integers(min_value=0, max_value=2)

    def values(count: int, suffixes: str, value) -> list[str]:
        drawn = draw(st.lists(inserted, min_size=count, max_size=count))
        return [v for n in range(1, count + 1) for v in [value(n)] + [value(n) + s for s in suffixes[:drawn[n - 1]]]]

    for article in values(draw(st.integers(1, 3)), "ab", str):
        lines.append(f"Điều {article}. Trách nhiệm của các bộ, ngành")
        sections.append(article)
        for clause in values(draw(st.integers(1, 4)), "ab", str):
            if draw(st.booleans()):
                text = draw(sentences)
                lines.append(f"{clause}. {text}")
                tasks[f"{article}.{clause}"] = fold(text)
                continue
            lines.append(f"{clause}. {draw(st.sampled_from(DUTY_HEADINGS))}")
            sections.append(f"{article}.{clause}")
            for point in values(draw(st.integers(1, 5)), "12", lambda n: VIETNAMESE_LETTERS[n - 1]):
                text = draw(sentences)
                lines.append(f"{point}) {text}")
                tasks[f"{article}.{clause}.{point}"] = fold(text)
    lines += ["Nơi nhận:", "- Lưu: VT.", "TM. CHÍNH PHỦ", "THỦ TƯỚNG", "Nguyễn Văn An"]
    return "\n".join(lines) + "\n", tasks, sections


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(amended_statutes())
def test_any_sequence_with_inserted_articles_clauses_and_points_parses(case):
    text, want_tasks, want_sections = case
    source = from_string(text, name="decree")
    doc = segment(normalize(source), source)
    assert {t.id: fold(t.text) for t in doc.tasks} == want_tasks, text
    assert [s.id for s in doc.sections] == want_sections, text
    assert not [n for n in doc.notices if n.code in ("label-repaired", "label-sequence")], text


# --------------------------------------------------------------------------- robustness

TOKENS = ["a)", "d)", "đ)", "1.", "2.1.", "III.", "-", "+", "*", "**", "##", "Điều 3.", "Chương II", "Mục 1.",
          "Nơi nhận:", "Kính gửi:", "V/v", "Số: 12/QĐ-UBND", "TM. ỦY BAN NHÂN DÂN", "PHỤ LỤC", "KẾ HOẠCH",
          "(Ban hành kèm theo", "Căn cứ", "Bộ Y tế", "các", "ngày 5 tháng 6 năm 2030", "|", "./.", ";", ":", "\n",
          "\n\n", "   ", "Nguyễn Văn An", "QUYẾT ĐỊNH:", "Giao", "trách nhiệm", "có hiệu lực"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=80), st.sampled_from(["txt", "md"]))
def test_any_token_soup_parses_or_fails_cleanly(tokens, kind):
    from pipeline.model import DoichieuError

    source = from_string(" ".join(tokens) + " x", name="soup", kind=kind)
    try:
        doc = segment(normalize(source), source)
    except DoichieuError as error:
        assert error.path == "soup"
        return
    ids = [t.id for t in doc.tasks] + [s.id for s in doc.sections]
    assert len(ids) == len(set(ids))
    for task in doc.tasks:
        assert 0 <= task.span.start <= task.span.end <= len(source.text)


# --------------------------------------------------------------------------- folding


def _strip_diacritics_by_definition(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").replace("đ", "d").replace("Đ", "D")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
       | st.text(alphabet="aăâeêioôơuưyđĐ ÀÁẢÃẠàáảãạằẳẵặấầẩẫậÉÈẺẼẸếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ\u0301\u0323"
                 "\U0001D167x", max_size=40))
def test_strip_diacritics_drops_exactly_the_combining_marks(text):
    assert strip_diacritics(text) == _strip_diacritics_by_definition(text)


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxy" + "ÀÁẢÃẠàáảãạằẳẵặấầẩẫậÉÈẺẼẸếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐ"


@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " -:,./()0123456789", max_size=60))
def test_stripping_the_marks_of_vietnamese_keeps_one_character_for_each(text):
    text = unicodedata.normalize("NFC", text)
    assert len(strip_diacritics(text)) == len(text)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
       | st.text(alphabet=VIETNAMESE + "-:,./() \u0301\u0323\U0001D167한", max_size=40))
def test_fold_aligned_keeps_one_character_for_each(text):
    assert len(fold_aligned(text)) == len(text)
    # … and, on NFC text, is fold() but for its spaces, except where a mark composes with nothing (debris, never
    # in Vietnamese text)
    text = unicodedata.normalize("NFC", text)
    if not any(unicodedata.category(c) == "Mn" for c in text):
        assert " ".join(fold_aligned(text).split()) == fold(text)


def _two_items(first: str, preamble: str = PREAMBLE):
    lines = ["II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", "", *textwrap.wrap(f"1. {first}", width=72), "",
             "2. Chủ trì, phối hợp với các các các các các các.", ""]
    source = from_string(preamble + "\n\n" + "\n".join(lines) + "\n" + CLOSING + "\n", name="generated", kind="txt")
    return segment(normalize(source), source)


def test_wrapped_item_is_not_cut_at_a_line_opening_with_a_parenthesis():
    # an abbreviation in brackets glosses the words before it: it opens no paragraph, even where the text is too
    # short to show its wrap width (the preamble on one line, one item wrapped: found by hypothesis)
    text = "Chủ trì, phối hợp với các các các các các các ngành liên Bộ - 15 (ODA) các."
    assert _two_items(text).task("II.1").text == text


def test_wrapped_item_is_not_cut_at_a_line_opening_with_a_capitalised_word():
    # "… phối hợp với" / "Bộ Tài chính …" in a hard-wrapped text: a full line that ends no sentence runs on
    text = "Chủ trì, phối hợp với các các các các các các ngành liên quan các các Bộ Tài chính tổ chức."
    doc = _two_items(text, "\n".join(textwrap.wrap(PREAMBLE, width=72)))
    assert "\nBộ" in textwrap.fill(f"1. {text}", width=72) and doc.task("II.1").text == text

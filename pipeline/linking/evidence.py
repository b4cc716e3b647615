"""What a person checks: reasons (one short Vietnamese sentence per feature that fired) and the longest
word sequences both tasks share, cut from the provincial display text for highlighting."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Document
from ..naming import capital, leader, leader_document, leader_task
from ..vntext import decimal_comma
from .agency import agency_names
from .config import LinkingRules
from .features import PairFeatures, key_terms, match_form_cached

_TOKEN = re.compile(r"\w+")
_ROLE = {"lead": "chủ trì", "coordinator": "phối hợp", "directed": "được hướng dẫn, chỉ đạo"}


def shared_phrases(provincial_text: str, central_text: str, rules: LinkingRules) -> list[str]:
    """Longest shared word n-grams (at least shared_phrase_min_words words), longest first, as printed in
    the provincial text, none overlapping another in the provincial text or repeating its words. Every maximal run both texts share is a
    candidate, in whatever order the two texts state them: a word alignment (longest common subsequence) keeps
    only runs in the same order and may split one ("phát triển X" against "phát thải …; phát triển X" pairs the
    first "phát" and leaves "triển X")."""
    p_spans, p_forms = _printed_tokens(provincial_text)
    c_forms = _TOKEN.findall(match_form_cached(central_text))
    where: dict[str, list[int]] = {}
    for j, word in enumerate(c_forms):
        where.setdefault(word, []).append(j)
    runs = set()
    for i, word in enumerate(p_forms):
        for j in where.get(word, ()):
            if i and j and p_forms[i - 1] == c_forms[j - 1]:
                continue  # inside a run that starts earlier
            n = 1
            while i + n < len(p_forms) and j + n < len(c_forms) and p_forms[i + n] == c_forms[j + n]:
                n += 1
            if n >= rules.text.shared_phrase_min_words:
                runs.add((i, i + n))
    taken: list[tuple[int, int]] = []
    for first, last in sorted(runs, key=lambda r: (r[0] - r[1], r[0])):
        words = " ".join(p_forms[first:last])
        if len(taken) < rules.text.shared_phrase_max and all(last <= a or first >= b for a, b in taken) \
                and not any(f" {words} " in f" {' '.join(p_forms[a:b])} " for a, b in taken):
            taken.append((first, last))  # a phrase said again elsewhere, alone or in a longer one, once
    return [provincial_text[p_spans[first][0]:p_spans[last - 1][1]] for first, last in taken]


def as_printed(term: str, text: str) -> str:
    """A key term (key_terms gives it in matching form: "chỉ thị số 07 ct ttg") as `text` prints it ("Chỉ thị số
    07/CT-TTg"): the first run of words of `text` whose matching forms are the term's words; the term itself when
    its words do not stand together in `text` (a word the matching form drops lay between them)."""
    words = _TOKEN.findall(term)
    spans, forms = _printed_tokens(text)
    for k in range(len(spans) - len(words) + 1):
        if words and forms[k:k + len(words)] == tuple(words):
            return text[spans[k][0]:spans[k + len(words) - 1][1]]
    return term


@lru_cache(maxsize=1024)
def _printed_tokens(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[str, ...]]:
    """The spans of text's words and their matching forms, read once for all the links of a provincial task (its
    shared phrases, its key terms as printed)."""
    tokens = list(_TOKEN.finditer(text))
    forms = _TOKEN.findall(match_form_cached(text))
    if len(forms) != len(tokens):  # normalisation changed token boundaries: compare token by token
        forms = [match_form_cached(m.group(0)) for m in tokens]
    return tuple(m.span() for m in tokens), tuple(forms)


def _section_id(doc: Document, task, title: str) -> str:
    for section in doc.ancestors(task):
        if section.title == title:
            return section.id
    return task.id if title == task.title else title  # the task's own title (features._headings)


def reasons_for(features: PairFeatures, i: int, j: int, rules: LinkingRules,
                central: Document, provincial: Document, restated: list[str] = (), lead: str | None = None) -> list[str]:
    """Human-readable reasons for the pair (provincial i, central j), strongest evidence first; `restated` are
    the provincial tasks stating the same activity that carry out the same central task. The document carried out
    is named as the reports name it (pipeline.naming.leader): "văn bản trung ương", or "văn bản gốc" when a body
    below the centre issued it (a Tỉnh ủy resolution carried out by the province's plan); `lead` is that name when the
    caller has it already (link: once for all the pairs of a document)."""
    v = features.vector(i, j)
    lead = lead or leader([central])
    document, this_task = leader_document(lead), leader_task(lead, "này")

    def fired(name: str) -> bool:  # features are float32: 0.7 is stored as 0.69999999
        return v.get(name, 0.0) >= rules.fires.get(name, 1.0) - 1e-6

    out: list[str] = []
    if v.get("executes_document", 0.0) >= 1.0:
        out.append(f"Lời giao thực hiện của văn bản triển khai ứng với điều khoản thi hành của {document}")
    if v.get("hands_on", 0.0) >= 1.0:
        out.append("Văn bản triển khai giao lại nhiệm vụ thuộc trách nhiệm của Ủy ban nhân dân" +
                   (" (giao chung toàn bộ)" if v.get("hands_on_all", 0.0) >= 1.0 else "") +
                   f"; {this_task} do Ủy ban nhân dân cùng cấp chủ trì")
    if fired("citation"):  # the số hiệu as the provincial task prints it ("07/CT-TTg"), not its upper-case key
        printed = {c.number.upper(): c.number for c in features.provincial[i].citations if c.number}
        out.append("Cùng trích dẫn " + ", ".join(printed.get(n, n) for n in features.shared_citations.get((i, j), [])))
    if fired("ratio"):
        out.append(f"Gần như chép nguyên văn: giống nhau {v['ratio']:.0%} về câu chữ")
    if fired("token_set"):
        out.append(f"Từ ngữ trùng nhau {v['token_set']:.0%} (so theo tập hợp từ của hai bên)")
    if fired("partial"):
        out.append(f"Một đoạn trùng {v['partial']:.0%} (nhiệm vụ ngắn được chép trong nhiệm vụ dài)")
    if fired("tfidf"):
        out.append(f"Mức giống nhau về từ ngữ đặc trưng: {decimal_comma(v['tfidf'])} (thang 0–1)")
    if fired("contain"):
        out.append(f"{v['contain']:.0%} cụm từ đặc trưng có mặt ở văn bản kia")
    # key terms explain a paraphrase; a copy (containment >= sure_copy) is explained by its shared phrases
    if (fired("keyterm") and features.keyterm_index is not None
            and v["contain"] < rules.decision.sure_copy):
        names = agency_names(features.provincial[i], features.central[j], rules=rules)
        terms = key_terms(features.provincial[i].text, features.central[j].text, features.keyterm_index, rules,
                          features.subject, names=names)
        if terms:
            text = features.provincial[i].text
            out.append(f"Thuật ngữ đặc trưng (hiếm trong {document}) có ở cả hai: "
                       + ", ".join(f"«{as_printed(t, text)}»" for t in terms))
    if features.cites_central is not None and features.cites_central[i]:
        out.append(f"Nhiệm vụ triển khai dẫn chiếu chính {document} {features.central_number}")
    if fired("heading") and (i, j) in features.heading_pairs:
        p_title, c_title = features.heading_pairs[(i, j)]
        c_id = _section_id(central, features.central[j], c_title)
        p_id = _section_id(provincial, features.provincial[i], p_title)
        out.append(f"Đề mục tương ứng: {c_id} ↔ {p_id} (giống nhau {v['heading']:.0%})")
    if (i, j) in features.section_pairs:
        p_title, c_title = features.section_pairs[(i, j)]
        p_id = _section_id(provincial, features.provincial[i], p_title)
        c_id = _section_id(central, features.central[j], c_title)
        out.append(f"Mục {p_id} của văn bản triển khai nêu lại đề mục {c_id} của {document}")
    if fired("agency") and (i, j) in features.agency_pairs:
        c_name, p_name = features.agency_pairs[(i, j)]
        out.append(f"Cơ quan tương ứng: {c_name} → {p_name}")
    if fired("names_lead"):
        named = ", ".join(m.text for m in features.central[j].leads)
        out.append(f"Nhiệm vụ triển khai nêu tên cơ quan chủ trì ở {lead}: {named}")
    if fired("locality"):
        role = features.central[j].locality_role
        out.append(f"{capital(leader_task(lead))} giao cho địa phương" + (f" ({_ROLE[role]})" if role in _ROLE else ""))
    if restated:
        out.append("Cùng nội dung với nhiệm vụ " + ", ".join(restated) + f" của văn bản triển khai (đã đối chiếu với "
                   f"{this_task})")
    if fired("mutual"):
        out.append("Tương ứng tốt nhất của nhau (cả hai chiều)")
    elif fired("col_rel"):
        out.append(f"Nhiệm vụ triển khai gần nhất về từ ngữ với {leader_task(lead, features.central[j].id)}")
    return out

"""The corpus manifest: validation and how provincial documents are paired with central ones."""
import pytest

from pipeline.corpus import load_manifest, pair_documents
from pipeline.model import Citation, Document, DocumentMeta, DoichieuError


def _doc(doc_id, role, number=None, implements=(), **meta):
    return Document(id=doc_id, path=f"{doc_id}.txt", role=role, kind="txt",
                    meta=DocumentMeta(number=number, implements=[Citation(text=n, number=n) for n in implements],
                                      **meta))


def test_bundled_manifest_is_valid(root):
    manifest = load_manifest(root / "corpus")
    assert {e.role for e in manifest.documents} == {"central", "provincial"}
    assert all((root / "corpus" / e.path).exists() for e in manifest.documents)


@pytest.mark.parametrize("text, reason", [
    ("documents: [{path: a.txt}]", "documents, mục 1, role: thiếu trường này"),
    ("documents: [{path: a.txt, role: central, meta: {colour: red}}]", "documents, mục 1, meta: không có trường colour"),
    ("documents: [", "tệp khai báo corpus không hợp lệ: lỗi cú pháp YAML ở dòng 1, cột 13"),
    ("documents: [{path: a.txt, role: centre}]", "role: phải là 'central' hoặc 'provincial' (nhận 'centre')"),
    ("documents:\n  - {path: a.txt, role: central}\n  - {path: b.txt, role: provincial, colour: red}",
     "documents, mục 2, colour: không có trường này (các trường dùng được: path, role, id, implements, meta)"),
    ("documents: [{path: a.txt, role: central, implements: [5]}]", "documents, mục 1, implements: không đúng kiểu dữ liệu"),
    ("docs: []", "documents: thiếu trường này; docs: không có trường này"),
])
def test_bad_manifest_is_one_clear_error(tmp_path, text, reason):
    # in Vietnamese, one phrase per complaint: where in the file, then what is wrong (no pydantic report)
    (tmp_path / "manifest.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DoichieuError) as error:
        load_manifest(tmp_path)
    assert "manifest.yaml" in str(error.value) and reason in str(error.value)
    assert not any(word in str(error.value) for word in ("validation error", "Input should", "pydantic", "\n"))


def test_pairs_follow_the_cited_number_then_the_declaration():
    nq23, nd25 = _doc("nq23", "central", "23/NQ-CP"), _doc("nd25", "central", "25/2026/NĐ-CP")
    cites = _doc("tinh-a", "provincial", implements=["23/NQ-CP"])
    declared = _doc("tinh-b", "provincial")
    silent = _doc("tinh-c", "provincial")
    pairs = pair_documents([nq23, nd25, cites, declared, silent], {"tinh-b": ["nd25"]})
    assert [(c.id, p.id) for c, p in pairs] == [("nq23", "tinh-a"), ("nd25", "tinh-b")]


def test_a_lone_central_document_takes_every_provincial_one():
    pairs = pair_documents([_doc("tw", "central", "1/CT-TTg"), _doc("tinh", "provincial")], {})
    assert [(c.id, p.id) for c, p in pairs] == [("tw", "tinh")]
    # not when it is alone only because another central document of the corpus could not be read
    assert pair_documents([_doc("tw", "central", "1/CT-TTg"), _doc("tinh", "provincial")], {}, None, central_unread=True) == []


def _corpus(tmp_path, files: dict[str, str], manifest: str | None = None):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    if manifest is not None:
        (tmp_path / "manifest.yaml").write_text(manifest, encoding="utf-8")
    return tmp_path


def test_documents_dropped_in_the_role_folders_join_the_manifest(tmp_path):
    corpus = _corpus(tmp_path, {"central/nd-1.txt": "a", "provincial/kh-2.txt": "b", "provincial/cv-3.txt": "c",
                                "provincial/.keep": ""},
                     "documents: [{path: central/nd-1.txt, role: central, id: nd1}]")
    manifest = load_manifest(corpus)
    assert [(e.path, e.role) for e in manifest.documents] == [
        ("central/nd-1.txt", "central"), ("provincial/cv-3.txt", "provincial"), ("provincial/kh-2.txt", "provincial")]
    assert manifest.unlisted == ["provincial/cv-3.txt", "provincial/kh-2.txt"]


def test_without_a_manifest_the_role_folders_are_the_corpus(tmp_path):
    corpus = _corpus(tmp_path, {"central/nd-1.txt": "a", "provincial/kh-2.txt": "b"})
    assert [(e.path, e.role) for e in load_manifest(corpus).documents] == [
        ("central/nd-1.txt", "central"), ("provincial/kh-2.txt", "provincial")]


def test_without_a_manifest_or_role_folders_the_error_names_the_manifest(tmp_path):
    with pytest.raises(DoichieuError) as error:
        load_manifest(tmp_path)
    assert "manifest.yaml" in str(error.value)


def test_bundled_corpus_lists_every_document(root):
    assert load_manifest(root / "corpus").unlisted == []


def test_a_pair_whose_provincial_document_names_another_basis_gets_a_notice():
    from pipeline.corpus import pairing_notice

    central = Document(id="qd", path="qd.txt", role="central", kind="txt")
    central.meta.number = "1422/QĐ-TTg"
    letter = Document(id="cv", path="cv.txt", role="provincial", kind="txt")
    assert pairing_notice(central, letter) is None  # says nothing of what it carries out: nothing to say
    letter.meta.implements = [Citation(text="Chương trình hành động số 104-CTr/TU", number="104-CTr/TU")]
    notice = pairing_notice(central, letter)
    assert notice is not None and notice.code == "pairing-not-cited"
    assert "104-CTr/TU" in notice.message and "1422/QĐ-TTg" in notice.message
    letter.meta.implements.append(Citation(text="Quyết định số 1422/QĐ-TTg", number="1422/QĐ-TTG"))
    assert pairing_notice(central, letter) is None


def _letter_citing(*numbers: str, date: str = "2031-06-19") -> Document:
    letter = _doc("tinh", "provincial")
    letter.meta.implements = [Citation(text=f"Công văn số {n}", number=n, doc_type="Công văn", date=date)
                              for n in numbers]
    return letter


def test_a_central_letter_whose_number_ocr_lost_is_found_by_its_symbol_type_and_date():
    # "Số: Z32Ø/BTC-QLCS, ngày / tháng 6": the implementing letter cites "Công văn số 8388/BTC-QLCS ngày 19/6"
    lost = _doc("cv-btc", "central", symbol="BTC-QLCS", doc_type="Công văn", date="2031-06")
    decree = _doc("nd", "central", "178/2031/NĐ-CP", doc_type="Nghị định")
    notices = {}
    pairs = pair_documents([decree, lost, _letter_citing("8388/BTC-QLCS")], {}, notices)
    assert [(c.id, p.id) for c, p in pairs] == [("cv-btc", "tinh")]
    notice = notices["cv-btc", "tinh"]
    assert notice.code == "pairing-by-symbol" and "8388/BTC-QLCS" in notice.message and "BTC-QLCS" in notice.message


@pytest.mark.parametrize("centrals, cited", [
    # two letters of that office whose numbers were lost: which one is cited cannot be told
    ([("a", "Công văn", "2031-06"), ("b", "Công văn", "2031-06")], ["8388/BTC-QLCS"]),
    # another month, another type
    ([("a", "Công văn", "2031-05")], ["8388/BTC-QLCS"]),
    ([("a", "Quyết định", "2031-06")], ["8388/BTC-QLCS"]),
    # two cited letters of that office fit the one unread: which one it is cannot be told
    ([("a", "Công văn", "2031-06")], ["8388/BTC-QLCS", "8390/BTC-QLCS"]),
])
def test_no_pair_by_symbol_unless_it_is_unambiguous(centrals, cited):
    documents = [_doc(i, "central", symbol="BTC-QLCS", doc_type=t, date=d) for i, t, d in centrals]
    documents.append(_doc("nd", "central", "178/2031/NĐ-CP"))  # no lone central document to fall back on
    notices = {}
    assert pair_documents([*documents, _letter_citing(*cited)], {}, notices) == [] and notices == {}


@pytest.mark.parametrize("cited_type", ["Chương trình hành động", "Chương trình"])
def test_a_party_programme_whose_number_was_left_blank_is_found_by_its_party_symbol(cited_type):
    # "Số -CTr/TU" (the signed text layer drops the number): a party number puts its type code before the '/',
    # so the ký hiệu is "CTr/TU"; a letter may shorten the type to its genus ("Chương trình số 12-CTr/TU")
    programme = _doc("ctr", "central", symbol="CTr/TU", doc_type="Chương trình hành động", date="2031-08")
    conclusion = _doc("kl", "central", "75-KL/TW", doc_type="Kết luận")
    letter = _doc("cv", "provincial")
    letter.meta.implements = [Citation(text=f"{cited_type} số 12-CTr/TU", number="12-CTr/TU", doc_type=cited_type,
                                       date="2031-08-30")]
    notices = {}
    pairs = pair_documents([conclusion, programme, letter], {}, notices)
    assert [(c.id, p.id) for c, p in pairs] == [("ctr", "cv")] and notices["ctr", "cv"].code == "pairing-by-symbol"
    # another party body's programme ("CTr/TW") is not it
    letter.meta.implements[0].number = "12-CTr/TW"
    assert pair_documents([conclusion, programme, letter], {}, {}) == []


def test_a_declared_pair_needs_no_symbol_and_says_nothing_of_it():
    lost = _doc("cv-btc", "central", symbol="BTC-QLCS", doc_type="Công văn", date="2031-06")
    notices = {}
    pairs = pair_documents([lost, _doc("nd", "central", "1/2031/NĐ-CP"), _letter_citing("8388/BTC-QLCS")],
                           {"tinh": ["cv-btc"]}, notices)
    assert [(c.id, p.id) for c, p in pairs] == [("cv-btc", "tinh")] and notices == {}


def test_a_link_that_loops_or_leads_nowhere_is_one_failure_not_the_end_of_the_run(tmp_path):
    from pipeline.api import run_corpus

    corpus = _corpus(tmp_path, {"central/nq.txt": "CHÍNH PHỦ\n\n1. Bộ Y tế chủ trì nâng cao năng lực y tế cơ sở.\n",
                                "provincial/kh.txt": "ỦY BAN NHÂN DÂN TỈNH\n\n1. Sở Y tế chủ trì nâng cao năng lực "
                                                     "y tế cơ sở trên địa bàn tỉnh.\n"})
    (corpus / "provincial" / "vong-a.txt").symlink_to(corpus / "provincial" / "vong-b.txt")
    (corpus / "provincial" / "vong-b.txt").symlink_to(corpus / "provincial" / "vong-a.txt")
    (corpus / "provincial" / "mat.txt").symlink_to(corpus / "khong-co.txt")
    run = run_corpus(corpus)
    assert sorted(f.path.rsplit("/", 1)[1] for f in run.failures) == ["mat.txt", "vong-a.txt", "vong-b.txt"]
    assert list(run.pairs) == ["kh__nq"]


def test_an_unpaired_document_is_told_which_unread_central_documents_it_may_carry_out():
    from pipeline.api import run_documents

    a = _doc("a", "central", symbol="BTC-QLCS", doc_type="Công văn", date="2031-06")
    b = _doc("b", "central", symbol="BTC-QLCS", doc_type="Công văn", date="2031-06")
    run = run_documents([a, b, _doc("nd", "central", "178/2031/NĐ-CP"), _letter_citing("8388/BTC-QLCS")])
    assert run.pairs == {}
    [notice] = run.whole.notices
    assert notice.path == "tinh.txt" and "có thể là a.txt hoặc b.txt" in notice.message


def test_a_document_type_within_another_is_its_genus_at_a_word_boundary():
    from pipeline.vntext import type_within

    assert type_within("Chương trình", "Chương trình hành động")
    assert type_within("CHƯƠNG TRÌNH HÀNH ĐỘNG", "Chương trình hành động")
    assert not type_within("Chương trình hành động", "Chương trình")
    assert type_within("Chương trình hành động", "Chương trình", either=True)
    assert not type_within("Thông tư", "Thông tin", either=True)
    assert not type_within("Nghị quyết", "Nghị định", either=True)

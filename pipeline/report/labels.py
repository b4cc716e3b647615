"""Vietnamese headings and status names shared by every writer (Excel, CSV, Markdown, HTML).

Keep the wording here so that the table, the CSV, the Markdown and the HTML report say the same thing,
and so that the review importer finds the columns it reads back.
"""
from __future__ import annotations

import re

# Internal ids of tasks that have no printed number ("closing" -> "đoạn cuối") and their printed names, and the name
# of the document carried out (LEADER_*: "trung ương" or "văn bản gốc", decided once for the link reasons and the
# reports) live in pipeline/naming.py (the CLI's parse command and the linker use them without loading the writers).
from ..naming import (  # noqa: F401 (re-exported)
    LEADER_CENTRAL,
    LEADER_OTHER,
    TASK_NAMES,
    capital,
    leader_document,
    leader_task,
    notice_text,
    task_id_of,
    task_label,
)

# Coverage status of a central task (Coverage.status), plus the state of a central task that does not
# reach localities and that no provincial task carries out.
STATUS = {
    "covered": "Đã triển khai",
    "partial": "Triển khai một phần",
    "gap": "Chưa triển khai",
    "not_assigned": "Không giao cho địa phương",
}
STATUS_ORDER = ("gap", "partial", "covered", "not_assigned")
# Fill colours (hex RGB, no '#') used by the Excel table and the HTML report.
STATUS_FILL = {"covered": "C6EFCE", "partial": "FFEB9C", "gap": "FFC7CE", "not_assigned": "EDEDED"}
STATUS_TEXT = {"covered": "006100", "partial": "7F6000", "gap": "9C0006", "not_assigned": "505050"}

STRENGTH = {"sure": "Chắc chắn", "possible": "Có thể"}
# In the tables' "Căn cứ đối chiếu", before the phrases a link's two tasks share, when none of its reasons quotes any
# (a link argued by its heading or by being the closest wording: the reader finds these words in both texts).
SHARED_PHRASES = "Cụm từ có ở cả hai"
SHARED_PHRASES_SHOWN, SHARED_PHRASE_LENGTH = 3, 80  # at most 3 phrases, each of at most 80 characters
CONFIRMED = "đã xác nhận"
LOCALITY_ROLE = {
    "lead": "Chủ trì",
    "coordinator": "Phối hợp",
    "directed": "Được hướng dẫn, đôn đốc",
}
NO_LOCALITY = "Không"
REVIEWER_REASON = "Xác nhận của người rà soát"

# The implementing side as the reader names it ("nhiệm vụ của tỉnh", "Bộ: dòng 12"), by what its issuer is
# (pipeline.agencies): a central body by its kind, any other by its level; unknown or mixed issuers: the default.
IMPLEMENTER_BY_KIND = {"government": "Chính phủ", "ministry": "bộ"}
IMPLEMENTER_BY_LEVEL = {"province": "tỉnh", "district": "huyện", "commune": "xã"}
IMPLEMENTER_DEFAULT = "văn bản triển khai"


# A province, district or commune as the implementing side, where the reports speak of its tasks ("Nhiệm vụ của
# địa phương", "Nội dung bổ sung của địa phương"); a ministry, the Government or an unknown side by its own name.
LOCALITY = "địa phương"


def implementer_noun(side: str) -> str:
    """The implementing side `side` (see IMPLEMENTER_*) after "của": "địa phương", "bộ", "Chính phủ", "văn bản
    triển khai"."""
    return LOCALITY if side in IMPLEMENTER_BY_LEVEL.values() else side


def addition(side: str) -> str:
    """What a task of the implementing side that carries out no central task is called: "Nội dung bổ sung của
    địa phương" (of a province, district or commune), "… của bộ", "… của Chính phủ", "… của văn bản triển khai"."""
    return f"Nội dung bổ sung của {implementer_noun(side)}"


# Whom a central task the reports count as "giao cho …" is addressed to (a coverage row's `localities`: the
# implementing document's issuer has a role in it), as the reader names it: "địa phương" when a province, district
# or commune carries out a central document (the central -> province reports keep their wording); the implementing
# ministry or the Government by the side's name; otherwise (a provincial document carried out one level down by the
# province's People's Committee or a Party committee; an issuer not known) ADDRESSEE_OTHER.
ADDRESSEE_OTHER = "cơ quan ban hành văn bản triển khai"


def addressee(side: str, leader: str) -> str:
    """Who a task "giao cho …" is addressed to, for the implementing side `side` (IMPLEMENTER_*) and the
    document carried out named `leader` (LEADER_*): "địa phương", "bộ", "Chính phủ" or ADDRESSEE_OTHER."""
    if side in IMPLEMENTER_BY_LEVEL.values():
        return LOCALITY if leader == LEADER_CENTRAL else ADDRESSEE_OTHER
    return side if side in IMPLEMENTER_BY_KIND.values() else ADDRESSEE_OTHER


def statuses(side: str, leader: str) -> dict[str, str]:
    """STATUS as printed for these sides (see addressee): "Không giao cho địa phương" becomes "Không giao cho bộ"
    or "Không giao cho cơ quan ban hành văn bản triển khai"."""
    return {**STATUS, "not_assigned": f"Không giao cho {addressee(side, leader)}"}


def side_heading(heading: str, side: str) -> str:
    """A column heading or sheet name below as printed for an implementing side named `side` (see
    IMPLEMENTER_*): "Cơ quan chủ trì (tỉnh)" becomes "Cơ quan chủ trì (bộ)"; for an unknown side "Điều khoản
    triển khai (tỉnh)" becomes "Điều khoản triển khai" and "tỉnh" elsewhere "triển khai"."""
    if side == "tỉnh":
        return heading
    if side == IMPLEMENTER_DEFAULT:
        if "triển khai (tỉnh)" in heading:
            return heading.replace(" (tỉnh)", "")
        side = "triển khai"
    return re.sub(r"(?<!\w)tỉnh(?!\w)", side, heading)


def side_headings(heading: str) -> set[str]:
    """Every form side_heading gives `heading`: what the review import accepts for it."""
    sides = {IMPLEMENTER_DEFAULT, *IMPLEMENTER_BY_KIND.values(), *IMPLEMENTER_BY_LEVEL.values()}
    return {side_heading(heading, side) for side in sides}

def heading(text: str, leader: str, side: str | None = None) -> str:
    """A column heading, sheet name, table title or cell word below as printed for the document carried out
    (`leader`) and, when given, the implementing side (`side`, see side_heading): "Điều khoản văn bản TW" becomes
    "Điều khoản văn bản gốc"."""
    text = ORIGINAL_HEADINGS.get(text, text) if leader != LEADER_CENTRAL else text
    return side_heading(text, side) if side else text


def leader_headings(text: str) -> set[str]:
    """Every form `heading` gives `text` for either leader: what the review import accepts for it."""
    return {text, ORIGINAL_HEADINGS.get(text, text)}


SHEET_CENTRAL = "Đối chiếu TW → tỉnh"
SHEET_PROVINCIAL = "Đối chiếu tỉnh → TW"
SHEET_SUMMARY = "Tổng hợp"

# Sheet 1 / CSV / Markdown columns, one row per central task (and provincial document).
COL_NO = "STT"
COL_CENTRAL_PATH = "Điều khoản văn bản TW"
COL_CENTRAL_TEXT = "Nội dung nhiệm vụ TW"
COL_CENTRAL_LEAD = "Cơ quan chủ trì (TW)"
COL_CENTRAL_COORD = "Cơ quan phối hợp (TW)"
COL_LOCALITY = "Địa phương tham gia"
COL_PROV_PATH = "Điều khoản triển khai (tỉnh)"
COL_PROV_TEXT = "Nội dung triển khai (tỉnh)"
COL_PROV_LEAD = "Cơ quan chủ trì (tỉnh)"
COL_STRENGTH = "Mức độ liên kết"
COL_SCORE = "Điểm"
COL_STATUS = "Mức độ triển khai"
COL_REASON = "Căn cứ đối chiếu"
COL_PROVENANCE = "Vị trí trong văn bản"
COL_REVIEW_COMMENT = "Ý kiến rà soát"
COL_REVIEW = "Xác nhận"
COL_KEY = "Khóa (không sửa)"

CENTRAL_COLUMNS = (
    COL_NO, COL_CENTRAL_PATH, COL_CENTRAL_TEXT, COL_CENTRAL_LEAD, COL_CENTRAL_COORD, COL_LOCALITY,
    COL_PROV_PATH, COL_PROV_TEXT, COL_PROV_LEAD, COL_STRENGTH, COL_SCORE, COL_STATUS, COL_REASON,
    COL_PROVENANCE, COL_REVIEW_COMMENT, COL_REVIEW, COL_KEY,
)

# Sheet 2 columns, one row per provincial task.
COL_P_CENTRAL_PATH = "Điều khoản văn bản TW được triển khai"
COL_P_CENTRAL_TEXT = "Nội dung nhiệm vụ TW"
COL_P_KIND = "Loại nội dung"
PROVINCIAL_COLUMNS = (
    COL_NO, COL_PROV_PATH, COL_PROV_TEXT, COL_PROV_LEAD, COL_P_CENTRAL_PATH, COL_P_CENTRAL_TEXT,
    COL_STRENGTH, COL_SCORE, COL_P_KIND, COL_REASON, COL_PROVENANCE, COL_REVIEW_COMMENT, COL_REVIEW, COL_KEY,
)
KIND_CARRIES_OUT = "Triển khai nhiệm vụ TW"
# Before the central task's place in the "Vị trí trong văn bản" column ("TW: dòng 12").
PROVENANCE_CENTRAL = "TW: "
KIND_LOOSE = "Liên quan (có thể)"

# Sheet 3.
# Its first line: the count of the central tasks ("Nhiệm vụ TW: 25; …").
CENTRAL_TASKS = "Nhiệm vụ TW"
COL_GROUP = "Nhóm"
COL_TOTAL = "Tổng số nhiệm vụ"
# The row under the table by section (each central task sits in one section; the table by lead agency has none: a
# task with several leads counts under each).
ROW_TOTAL = "Tổng cộng"
SUMMARY_BY_SECTION = "Theo mục của văn bản TW"
SUMMARY_BY_AGENCY = "Theo cơ quan chủ trì (TW)"
SUMMARY_BY_CURRENT_AGENCY = "Theo cơ quan chủ trì hiện nay (TW, sau sắp xếp bộ máy)"
# The group of the tasks outside every section (the table by section, the report's section filter).
NO_SECTION = "(không thuộc mục nào)"
# The row of the tables by lead agency for the tasks whose lead was not found.
NO_LEAD = "(chưa xác định cơ quan chủ trì)"
# Under a table by lead agency whose rows add up to more than the tasks (a task with several leads counts under
# each): the reader is told why its sum differs from the total of the table by section.
SEVERAL_LEADS = ("Nhiệm vụ có nhiều cơ quan chủ trì được tính cho từng cơ quan, nên cộng các dòng ({rows}) "
                 "nhiều hơn tổng số nhiệm vụ ({tasks}).")
# Between the name as printed and the body that holds the task now ("Bộ Kế hoạch và Đầu tư → nay: Bộ Tài chính").
NOW = "→ nay:"

# The headings above that name the central side, as printed when the document carried out is not central (see
# LEADER_OTHER); sheet names keep to Excel's 31 characters ("Đối chiếu VB gốc → triển khai").
ORIGINAL_HEADINGS = {
    SHEET_CENTRAL: "Đối chiếu VB gốc → tỉnh",
    SHEET_PROVINCIAL: "Đối chiếu tỉnh → VB gốc",
    COL_CENTRAL_PATH: "Điều khoản văn bản gốc",
    COL_CENTRAL_TEXT: "Nội dung nhiệm vụ (văn bản gốc)",
    COL_CENTRAL_LEAD: "Cơ quan chủ trì (văn bản gốc)",
    COL_CENTRAL_COORD: "Cơ quan phối hợp (văn bản gốc)",
    COL_P_CENTRAL_PATH: "Điều khoản văn bản gốc được triển khai",
    KIND_CARRIES_OUT: "Triển khai nhiệm vụ của văn bản gốc",
    SUMMARY_BY_SECTION: "Theo mục của văn bản gốc",
    SUMMARY_BY_AGENCY: "Theo cơ quan chủ trì (văn bản gốc)",
    SUMMARY_BY_CURRENT_AGENCY: "Theo cơ quan chủ trì hiện nay (văn bản gốc, sau sắp xếp bộ máy)",
    PROVENANCE_CENTRAL: "Văn bản gốc: ",
    CENTRAL_TASKS: "Nhiệm vụ của văn bản gốc",
}

# Reviewer answers understood in the "Xác nhận" column (compared after case and accent folding).
ACCEPT_WORDS = ("accept", "ok", "yes", "x", "đồng ý", "dong y", "đúng", "chấp nhận", "xác nhận", "có")
REJECT_WORDS = ("reject", "no", "không đồng ý", "khong dong y", "sai", "không đúng", "loại", "bác bỏ", "không")

LINE = "dòng"
PAGE = "trang"

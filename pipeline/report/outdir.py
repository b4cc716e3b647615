"""The output folder of a run (`doichieu run --out DIR`): what the run owns, and the pair folders it no longer makes.

DIR holds result.json and one folder per (central, provincial) pair. A pair an earlier run wrote may not be made
again (a file now fails, a pair is no longer formed); its folder would sit beside the new result.json and a
legal officer could read it as current. So the run keeps a list of what it wrote, `DIR/.doichieu-outputs.json`
(each file with its SHA-256), and on the next run:

- a pair folder it wrote before and does not make now loses the files the tool wrote that nobody changed since;
  an emptied folder is removed. Anything else (a file the tool did not write, a crossref.xlsx a reviewer filled
  in) is kept, and the folder gets a notice, KET_QUA_CU.txt, saying that these are results of an earlier run;
- a pair folder the list does not know (written by a version without the list) that looks like one (result.json
  and coverage.html) and is not made now gets the same notice; nothing of it is deleted;
- an output of a pair made again that was changed since the tool wrote it (a reviewer's comments in
  crossref.xlsx, not yet imported), or kept in a flagged folder, is kept beside the new one, as
  crossref.edited.xlsx (…edited-2…). A pair the list does not know is written over as before.

Nothing the tool did not write is ever deleted. Every file is written atomically (pipeline.fsutil); the list
last, so a run cut short leaves the previous list, and its new folders are treated as unknown (flagged, kept).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..fsutil import atomic_write_text
from ..model import Result
from . import OUTPUT_FILES, write_outputs

MANIFEST = ".doichieu-outputs.json"
STALE_NOTICE = "KET_QUA_CU.txt"
# A folder that has these is taken for a pair folder of the tool (written before the list existed).
PAIR_SIGNS = ("result.json", "coverage.html")
STALE_TEXT = (
    "KẾT QUẢ CŨ — KHÔNG PHẢI KẾT QUẢ HIỆN HÀNH\n\n"
    "Thư mục này chứa kết quả đối chiếu của một lần chạy doichieu trước. Lần chạy gần nhất (result.json ở thư mục "
    "bên trên) không còn tạo ra cặp văn bản này: một tệp không đọc được, hoặc cặp văn bản không còn được ghép.\n"
    "Không dùng các tệp ở đây như kết quả hiện hành.\n\n"
    "doichieu đã xóa các tệp do chính nó ghi mà chưa ai sửa; các tệp còn lại được giữ nguyên vì đã được sửa sau "
    "khi doichieu ghi (ví dụ ý kiến rà soát trong crossref.xlsx) hoặc không do doichieu ghi:\n"
)


@dataclass
class RunOutputs:
    """What writing a run did to DIR, for the terminal: Vietnamese lines, one per event."""

    notices: list[str] = field(default_factory=list)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(out_dir: Path) -> dict[str, dict]:
    """{pair folder name: {"files": {file name: sha256}}}; {} when absent or unreadable. Names that are not plain
    names of a folder or file directly under it are dropped."""
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        pairs = data["pairs"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    if not isinstance(pairs, dict):
        return {}
    return {name: {"files": {file: sha for file, sha in entry["files"].items() if _plain(file) and isinstance(sha, str)}}
            for name, entry in pairs.items()
            if isinstance(entry, dict) and isinstance(entry.get("files"), dict) and _plain(name)}


def _plain(name: str) -> bool:
    """A plain name: one step down, never outside (a list edited by hand reaches nothing else)."""
    return isinstance(name, str) and name not in ("", ".", "..") and "/" not in name and "\\" not in name


def _unchanged(path: Path, sha: str) -> bool:
    return path.is_file() and not path.is_symlink() and digest(path) == sha


def _set_aside(path: Path) -> Path:
    """A free name beside `path` for a changed output: crossref.edited.xlsx, crossref.edited-2.xlsx, …"""
    n = 1
    while True:
        candidate = path.with_name(f"{path.stem}.edited{'' if n == 1 else f'-{n}'}{path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1


def _applied(workbook: Path, result: Result) -> bool:
    """True when a reviewer's workbook holds decisions and this result already carries every one of them (imported
    with 'doichieu review import': accepted and added links confirmed, rejected ones gone)."""
    from ..model import DoichieuError
    from ..review import read_workbook

    try:
        decisions = read_workbook(workbook)
    except DoichieuError:  # not a workbook the importer can read (a file changed by hand): say to import it
        return False
    links = {(k.central.doc, k.central.task, k.provincial.doc, k.provincial.task): k for k in result.links}
    return bool(decisions) and all(
        d.key not in links if d.decision == "reject" else d.key in links and links[d.key].confirmed
        for d in decisions)


def write_run(pairs: dict[str, Result], whole: Result, out_dir: str | Path) -> RunOutputs:
    """Write every pair folder, result.json, then deal with the pair folders of earlier runs (module docstring)
    and write the list of what the tool owns in out_dir."""
    out_dir = Path(out_dir)
    before = read_manifest(out_dir)
    report = RunOutputs()
    owned: dict[str, dict] = {}
    for name, result in pairs.items():
        directory = out_dir / name
        old = before[name]["files"] if name in before else None
        notice = directory / STALE_NOTICE
        if old and STALE_NOTICE in old and _unchanged(notice, old[STALE_NOTICE]):
            notice.unlink()
        for file in OUTPUT_FILES if old is not None else ():
            path = directory / file
            if path.is_file() and not (file in old and _unchanged(path, old[file])):
                kept = _set_aside(path)
                path.rename(kept)
                said = "các quyết định rà soát trong tệp đã được nhập và áp dụng ở lần chạy này" if _applied(
                    kept, result) else "ý kiến rà soát cần được nhập bằng 'doichieu review import' để các lần chạy " \
                    "sau áp dụng"
                report.notices.append(f"{path} đã được sửa sau lần chạy trước: giữ lại thành {kept.name} ({said})")
        written = write_outputs(result, directory)
        owned[name] = {"files": {p.name: digest(p) for p in sorted(written.values())}}
    atomic_write_text(out_dir / "result.json", json.dumps(whole.to_json(), ensure_ascii=False, indent=1) + "\n")
    for name, entry in sorted(before.items()):
        if name not in pairs:
            _stale(out_dir / name, entry["files"], owned, report)
    for directory in sorted(out_dir.iterdir()):
        if directory.name not in owned and directory.name not in before and directory.is_dir() \
                and not directory.is_symlink() and all((directory / sign).is_file() for sign in PAIR_SIGNS):
            _stale(directory, {}, owned, report)
    atomic_write_text(out_dir / MANIFEST, json.dumps(
        {"tool": "doichieu", "about": "các thư mục kết quả do doichieu ghi (xem pipeline/report/outdir.py)",
         "pairs": owned}, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return report


def _stale(directory: Path, files: dict[str, str], owned: dict[str, dict], report: RunOutputs) -> None:
    """Remove what the tool wrote in a pair folder it no longer makes; flag what must stay."""
    if not directory.is_dir() or directory.is_symlink():
        return
    notice = directory / STALE_NOTICE
    for file, sha in files.items():
        if file != STALE_NOTICE and _unchanged(directory / file, sha):
            (directory / file).unlink()
    left = sorted(p.name for p in directory.iterdir() if p.name != STALE_NOTICE)
    ours = STALE_NOTICE in files and _unchanged(notice, files[STALE_NOTICE])
    if not left:
        if ours or not notice.exists():
            notice.unlink(missing_ok=True)
            directory.rmdir()
            report.notices.append(f"đã xóa thư mục kết quả cũ {directory} (cặp văn bản này không còn được đối chiếu)")
        return
    if notice.exists() and not ours:
        return  # someone changed the notice: it is theirs now
    atomic_write_text(notice, STALE_TEXT + "".join(f"- {name}\n" for name in left))
    owned[directory.name] = {"files": {STALE_NOTICE: digest(notice)}}
    report.notices.append(f"{directory} là kết quả của một lần chạy trước, không còn được tạo ra: đã giữ "
                          f"{len(left)} tệp không do doichieu ghi hoặc đã được sửa, kèm {STALE_NOTICE}")

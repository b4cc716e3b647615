"""Atomic writes: complete files, ordinary permissions, no temporary files left behind."""
import os
import stat

import pytest

from pipeline.fsutil import atomic_write_bytes, atomic_write_text


def test_write_replaces_the_file_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "sub" / "a.json"
    atomic_write_text(target, "một")
    atomic_write_text(target, "hai")
    assert target.read_text(encoding="utf-8") == "hai"
    assert [p.name for p in target.parent.iterdir()] == ["a.json"]


def test_outputs_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        path = atomic_write_bytes(tmp_path / "x.bin", b"1")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "keep.txt"
    target.write_text("cũ", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_text(target, "mới")
    assert target.read_text(encoding="utf-8") == "cũ"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_common_os_errors_are_said_in_vietnamese(tmp_path):
    from pipeline.fsutil import os_reason

    with pytest.raises(OSError) as missing:
        (tmp_path / "khong-co.txt").read_bytes()
    assert os_reason(missing.value) == "không có tệp hoặc thư mục này"
    with pytest.raises(OSError) as folder:
        tmp_path.read_bytes()
    assert os_reason(folder.value) == "là một thư mục, không phải tệp"
    assert os_reason(OSError(0, "Lỗi lạ")) == "Lỗi lạ"  # a rare one keeps the system's words

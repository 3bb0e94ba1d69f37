"""formwork/store.py and formwork/intake.py: content-addressed, idempotent intake."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlmodel import col, select

from formwork.db import session_scope
from formwork.intake import InboxError, inbox_files, intake
from formwork.models import Stage, Submission
from formwork.settings import Settings
from formwork.store import FileStore, sha256_file

PDF_A = b"%PDF-1.4\n% form A\n" + b"a" * 3000 + b"\n%%EOF\n"
PDF_B = b"%PDF-1.4\n% form B\n" + b"b" * 10 + b"\n%%EOF\n"


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- store


def test_sha256_file_matches_hashlib(tmp_path: Path) -> None:
    assert sha256_file(write(tmp_path / "a.pdf", PDF_A)) == sha(PDF_A)
    assert sha256_file(write(tmp_path / "empty.pdf", b"")) == sha(b"")


def test_put_stores_a_copy_under_its_sha256(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    src = write(tmp_path / "in" / "scan.pdf", PDF_A)
    digest, dest = store.put(src)
    h = sha(PDF_A)
    assert digest == h
    assert dest == tmp_path / "store" / h[:2] / h[2:4] / f"{h}.pdf"
    assert dest == store.path_for(h)
    assert dest.read_bytes() == PDF_A
    assert src.read_bytes() == PDF_A  # the source is left as it is
    assert store.relative(h) == f"{h[:2]}/{h[2:4]}/{h}.pdf"
    assert store.resolve(store.relative(h)) == dest


def test_put_is_idempotent_and_keeps_the_first_copy(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    first = store.put(write(tmp_path / "a.pdf", PDF_A))
    inode = first[1].stat().st_ino
    second = store.put(write(tmp_path / "copy of a.pdf", PDF_A))
    assert second == first
    assert first[1].stat().st_ino == inode
    stored = list((tmp_path / "store").rglob("*.pdf"))
    assert stored == [first[1]]
    assert list((tmp_path / "store" / "tmp").iterdir()) == []  # no temporary file left behind


def test_different_content_gets_different_paths(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    a = store.put(write(tmp_path / "a.pdf", PDF_A))
    b = store.put(write(tmp_path / "b.pdf", PDF_B))
    assert a[0] != b[0] and a[1] != b[1]
    assert a[1].read_bytes() == PDF_A and b[1].read_bytes() == PDF_B


def test_put_of_missing_source_leaves_no_temporary_file(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    with pytest.raises(FileNotFoundError):
        store.put(tmp_path / "nope.pdf")
    assert list((tmp_path / "store" / "tmp").iterdir()) == []


# --------------------------------------------------------------------------- intake


@pytest.fixture
def cfg(tmp_path: Path, db_url: str) -> Settings:
    return Settings(home=tmp_path, db=db_url)


def submissions(cfg: Settings) -> list[Submission]:
    with session_scope(cfg.database_url) as session:
        return list(session.exec(select(Submission).order_by(col(Submission.id))))


def test_the_same_content_under_two_names_is_two_arrivals_stored_once(tmp_path: Path, cfg: Settings) -> None:
    # a citizen who sends the same form twice has made two submissions (the checks find the second a duplicate)
    inbox = tmp_path / "inbox"
    write(inbox / "a.pdf", PDF_A)
    write(inbox / "b_same_as_a.pdf", PDF_A)
    write(inbox / "c.pdf", PDF_B)
    result = intake(inbox, cfg)
    assert result.files == 3
    assert result.known == 0
    assert len(result.new) == 3
    rows = submissions(cfg)
    assert [r.id for r in rows] == result.new
    assert [(r.file_name, r.sha256) for r in rows] == [("a.pdf", sha(PDF_A)), ("b_same_as_a.pdf", sha(PDF_A)),
                                                       ("c.pdf", sha(PDF_B))]
    first = rows[0]
    assert first.stage == Stage.received
    assert first.size_bytes == len(PDF_A)
    assert first.reasons == []
    assert first.outcome is None and first.form_type is None
    assert first.stored_path == FileStore(cfg.store_dir).relative(sha(PDF_A))
    assert rows[1].stored_path == first.stored_path
    assert (cfg.store_dir / first.stored_path).read_bytes() == PDF_A
    assert rows[0].received_at < rows[1].received_at < rows[2].received_at  # arrival order is file order
    assert len(list(cfg.store_dir.rglob("*.pdf"))) == 2  # the content is stored once


def test_rerunning_intake_adds_nothing(tmp_path: Path, cfg: Settings) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "a.pdf", PDF_A)
    write(inbox / "c.pdf", PDF_B)
    first = intake(inbox, cfg)
    before = [(r.id, r.file_name, r.sha256, r.received_at) for r in submissions(cfg)]
    again = intake(inbox, cfg)
    assert len(first.new) == 2
    assert again.files == 2 and again.new == [] and again.known == 2
    assert [(r.id, r.file_name, r.sha256, r.received_at) for r in submissions(cfg)] == before
    assert sorted(p.name for p in inbox.iterdir()) == ["a.pdf", "c.pdf"]  # the inbox is left as it is


def test_same_content_arriving_later_under_a_new_name_is_a_new_arrival(tmp_path: Path, cfg: Settings) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "a.pdf", PDF_A)
    intake(inbox, cfg)
    write(inbox / "resent.pdf", PDF_A)
    again = intake(inbox, cfg)
    assert len(again.new) == 1 and again.known == 1  # a.pdf met again; resent.pdf arrived
    assert [r.file_name for r in submissions(cfg)] == ["a.pdf", "resent.pdf"]
    assert intake(inbox, cfg).new == []


def test_hidden_and_partial_files_are_skipped(tmp_path: Path, cfg: Settings) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "a.pdf", PDF_A)
    write(inbox / ".hidden.pdf", b"hidden")
    write(inbox / ".sync" / "x.pdf", b"in a hidden folder")
    write(inbox / "upload.pdf.part", b"half")
    write(inbox / "upload.pdf.tmp", b"half")
    write(inbox / "download.pdf.crdownload", b"half")
    write(inbox / "edit.pdf~", b"backup")
    write(inbox / "sub" / "nested.pdf", PDF_B)
    (inbox / "empty_folder").mkdir()
    assert [p.relative_to(inbox).as_posix() for p in inbox_files(inbox)] == ["a.pdf", "sub/nested.pdf"]
    result = intake(inbox, cfg)
    assert result.files == 2 and len(result.new) == 2
    assert [r.file_name for r in submissions(cfg)] == ["a.pdf", "nested.pdf"]  # the name, no folder


def test_missing_inbox_raises_inbox_error(tmp_path: Path, cfg: Settings) -> None:
    with pytest.raises(InboxError, match="not found"):
        intake(tmp_path / "no_such_folder", cfg)
    assert not cfg.store_dir.exists()


def test_inbox_that_is_a_file_raises_inbox_error(tmp_path: Path, cfg: Settings) -> None:
    with pytest.raises(InboxError, match="not a folder"):
        intake(write(tmp_path / "inbox.pdf", PDF_A), cfg)


def test_inbox_inside_a_hidden_folder_is_still_read(tmp_path: Path, cfg: Settings) -> None:
    inbox = tmp_path / ".council" / "inbox"
    write(inbox / "a.pdf", PDF_A)
    assert len(intake(inbox, cfg).new) == 1


def test_empty_inbox(tmp_path: Path, cfg: Settings) -> None:
    (tmp_path / "inbox").mkdir()
    result = intake(tmp_path / "inbox", cfg)
    assert (result.files, result.new, result.known) == (0, [], 0)


def test_intake_in_chunks_reports_progress(tmp_path: Path, cfg: Settings) -> None:
    inbox = tmp_path / "inbox"
    for i in range(5):
        write(inbox / f"f{i}.pdf", PDF_A + bytes([i]))
    seen: list[tuple[int, int]] = []
    result = intake(inbox, cfg, chunk=2, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(2, 5), (4, 5), (5, 5)]
    assert result.files == 5 and len(result.new) == 5
    assert [r.file_name for r in submissions(cfg)] == [f"f{i}.pdf" for i in range(5)]


def test_each_stored_chunk_is_handed_on_once_committed_and_only_its_new_submissions(
        tmp_path: Path, cfg: Settings) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "f0.pdf", PDF_B + b"0")
    known = intake(inbox, cfg).new  # f0 arrived in an earlier run
    for i in range(1, 6):
        write(inbox / f"f{i}.pdf", PDF_B + str(i).encode())
    handed: list[list[tuple[int, str]]] = []
    committed: list[bool] = []

    def on_stored(items: list[tuple[int, str]]) -> None:
        handed.append(items)
        with session_scope(cfg.database_url) as session:  # another session sees them: committed
            committed.append(all(session.get(Submission, sid) is not None for sid, _ in items))

    result = intake(inbox, cfg, chunk=2, on_stored=on_stored)
    assert [len(chunk) for chunk in handed] == [1, 2, 2]  # (f0 known) f1 | f2 f3 | f4 f5
    assert all(committed)
    assert [sid for chunk in handed for sid, _ in chunk] == result.new
    store = FileStore(cfg.store_dir)
    rows = [r for r in submissions(cfg) if r.id not in known]
    for row, (sid, path) in zip(rows, [item for chunk in handed for item in chunk], strict=True):
        assert row.id == sid and path == str(store.resolve(row.stored_path))

"""The content-addressed file store: every file that arrives is kept, by its sha256.

Files are written once to ``<store>/<aa>/<bb>/<sha256>.pdf`` through a
temporary file and an atomic rename, so a crash never leaves half a file under
a final name. Nothing here deletes a file: retention is a separate, explicit
job.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / f"{sha256}.pdf"

    def relative(self, sha256: str) -> str:
        return self.path_for(sha256).relative_to(self.root).as_posix()

    def resolve(self, relative: str) -> Path:
        return self.root / relative

    def put(self, source: Path) -> tuple[str, Path]:
        """Store a copy of ``source`` (read once, hashed while copied); return its sha256
        and stored path. Storing the same content twice keeps the first copy."""
        tmp_dir = self.root / "tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=tmp_dir, prefix="incoming-")
        try:
            h = hashlib.sha256()
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(CHUNK):
                    h.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = h.hexdigest()
            dest = self.path_for(sha)
            if dest.exists():
                Path(tmp).unlink()
            else:
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, dest)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha, dest

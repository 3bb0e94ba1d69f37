"""The bare loop Formwork is measured against: pdfplumber.open + extract_words, one process.

``python -m bench.bare FOLDER`` reads every file in FOLDER (sorted) and prints
one JSON line: files, pages, words, files that failed, seconds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pdfplumber


def main(folder: str) -> None:
    started = time.perf_counter()
    files = pages = words = failed = 0
    for path in sorted(Path(folder).iterdir()):
        files += 1
        try:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    pages += 1
                    words += len(page.extract_words())
        except Exception:  # noqa: BLE001 - a damaged file counts, as it does in Formwork
            failed += 1
    print(json.dumps({"files": files, "pages": pages, "words": words, "failed": failed,
                      "seconds": time.perf_counter() - started}))


if __name__ == "__main__":
    main(sys.argv[1])

"""The mutation run: thousands of damaged PDFs through ``formwork process``, none may crash it.

    python -m tests.reliability.mutation --variants 1000

Seeds are a fresh sample council's forms and letters (``formwork sample``),
plus any PDFs in ``--seeds DIR``. Each variant is one seed with one kind of
damage: bits flipped, bytes overwritten, the file cut short, a piece cut out
or repeated, an object spliced in from another PDF (or swapped for one), the
cross-reference table or a stream damaged. All variants go into one inbox and
one ``formwork process`` run (worker pool, per-file time limit). The run
passes when the process exits 0 with no traceback, every variant has exactly
one submission with an outcome, and ``formwork reconcile`` finds nothing
missing. It prints the counts by damage and outcome. Exit status 0 on a pass.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

AS_OF = "2026-11-27"
_OBJECT = re.compile(rb"\d+ 0 obj\b.*?endobj", re.S)


def flip_bits(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 2, 5, 20, 100))):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def overwrite(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    at = rng.randrange(len(out))
    n = rng.choice((4, 16, 64, 512))
    out[at:at + n] = bytes(rng.randrange(256) for _ in range(min(n, len(out) - at)))
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def cut_out(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.choice((1, 10, 100, 2000)):]


def repeat(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    piece = data[at:at + rng.choice((10, 200, 5000))]
    return data[:at] + piece * rng.choice((2, 5, 50)) + data[at:]


def damage_xref(data: bytes, rng: random.Random) -> bytes:
    """The trailer or cross-reference table wrong: the parser has to fall back to scanning."""
    choice = rng.randrange(3)
    if choice == 0:
        return re.sub(rb"startxref\s+\d+", b"startxref\n" + str(rng.randrange(len(data))).encode(), data)
    if choice == 1:
        return re.sub(rb"/Root \d+", b"/Root " + str(rng.randrange(1, 60)).encode(), data)
    return re.sub(rb"/Size \d+", b"/Size " + str(rng.choice((0, 1, 10**9))).encode(), data)


def damage_stream(data: bytes, rng: random.Random) -> bytes:
    """Garbage inside one compressed stream, or a stream's /Length a lie."""
    starts = [m.end() for m in re.finditer(rb"stream\r?\n", data)]
    if not starts:
        return flip_bits(data, rng)
    at = rng.choice(starts)
    if rng.random() < 0.5:
        return re.sub(rb"/Length \d+", b"/Length " + str(rng.choice((0, 3, 10**7))).encode(), data, count=1)
    out = bytearray(data)
    for _ in range(rng.choice((1, 8, 64))):
        i = min(len(out) - 1, at + rng.randrange(200))
        out[i] = rng.randrange(256)
    return bytes(out)


def splice(data: bytes, rng: random.Random, donors: list[bytes]) -> bytes:
    """An object from another PDF: inserted among this one's, or in place of one of them (same number)."""
    donor = rng.choice(donors)
    theirs = list(_OBJECT.finditer(donor))
    mine = list(_OBJECT.finditer(data))
    if not theirs or not mine:
        return overwrite(data, rng)
    obj = rng.choice(theirs).group()
    target = rng.choice(mine)
    if rng.random() < 0.5:  # insert: every later offset in the xref table is now wrong
        return data[:target.start()] + obj + b"\n" + data[target.start():]
    number = target.group().split(b" ", 1)[0]
    renumbered = number + b" " + obj.split(b" ", 1)[1]
    return data[:target.start()] + renumbered + data[target.end():]


MUTATIONS: dict[str, Callable[..., bytes]] = {
    "flip_bits": flip_bits,
    "overwrite": overwrite,
    "truncate": truncate,
    "cut_out": cut_out,
    "repeat": repeat,
    "damage_xref": damage_xref,
    "damage_stream": damage_stream,
    "splice": splice,
}


def _formwork(home: Path, *args: str, extra: dict[str, str] | None = None,
              timeout: float = 7200) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORMWORK_")}
    env.update(FORMWORK_HOME=str(home), FORMWORK_SETTINGS=str(home / "absent.toml"), **(extra or {}))
    return subprocess.run([sys.executable, "-m", "formwork.cli", *args], env=env, text=True, capture_output=True,
                          timeout=timeout)


def make_variants(seeds: list[bytes], n: int, inbox: Path, seed: int) -> dict[str, str]:
    """Write ``n`` distinct variants to ``inbox``; their damage kind by file name."""
    rng = random.Random(seed)
    seen = {hashlib.sha256(s).digest() for s in seeds}
    kinds: dict[str, str] = {}
    names = sorted(MUTATIONS)
    while len(kinds) < n:
        kind = names[len(kinds) % len(names)]
        source = rng.randrange(len(seeds))
        data = MUTATIONS[kind](seeds[source], rng, seeds) if kind == "splice" else MUTATIONS[kind](seeds[source], rng)
        digest = hashlib.sha256(data).digest()
        if digest in seen:  # a variant the same as another would damage nothing new: make another
            continue
        seen.add(digest)
        name = f"{len(kinds):05d}_{kind}_from_{source:03d}.pdf"
        (inbox / name).write_bytes(data)
        kinds[name] = kind
    return kinds


def run(variants: int, workers: int, seed: int, seeds_dir: Path | None, work: Path,
        seconds_per_file: float | None) -> int:
    started = time.perf_counter()
    home = work / "data"
    sample = _formwork(home, "sample", "--out", str(work / "council"), "--forms", "40", "--seed", str(seed),
                       "--letters", "6", "--as-of", AS_OF)
    if sample.returncode:
        print(sample.stdout, sample.stderr)
        return 2
    pdfs = sorted((work / "council" / "inbox").glob("*.pdf"))
    if seeds_dir is not None:
        pdfs += sorted(p for p in seeds_dir.iterdir() if p.is_file() and p.suffix.lower() == ".pdf")
    seeds = [b for b in (p.read_bytes() for p in pdfs) if len(b) > 1000 and b.startswith(b"%PDF")]
    inbox = work / "inbox"
    inbox.mkdir()
    kinds = make_variants(seeds, variants, inbox, seed)
    print(f"{len(kinds)} variants of {len(seeds)} seed PDFs in {inbox}")

    loaded = _formwork(home, "records", "load", str(work / "council" / "records.xlsx"))
    if loaded.returncode:
        print(loaded.stdout, loaded.stderr)
        return 2
    extra = {"FORMWORK_LIMITS__SECONDS_PER_FILE": str(seconds_per_file)} if seconds_per_file else {}
    t0 = time.perf_counter()
    proc = _formwork(home, "process", str(inbox), "--engine", "local", "--as-of", AS_OF, "--workers", str(workers),
                     "--json", extra=extra)
    took = time.perf_counter() - t0
    failures: list[str] = []
    if proc.returncode != 0:
        failures.append(f"formwork process exited {proc.returncode}")
    if "Traceback" in proc.stdout + proc.stderr:
        failures.append("a traceback in formwork process's output")

    with sqlite3.connect(home / "formwork.db") as db:
        rows = db.execute("select file_name, outcome, reasons, detail from submission").fetchall()
    per_file = Counter(name for name, *_ in rows)
    missing = sorted(set(kinds) - set(per_file))
    twice = sorted(n for n, c in per_file.items() if c > 1)
    undecided = sorted(name for name, outcome, *_ in rows if not outcome)
    if missing:
        failures.append(f"{len(missing)} variants have no submission, e.g. {missing[:3]}")
    if twice:
        failures.append(f"{len(twice)} variants have more than one submission, e.g. {twice[:3]}")
    if undecided:
        failures.append(f"{len(undecided)} submissions have no outcome, e.g. {undecided[:3]}")

    rec = _formwork(home, "reconcile", str(inbox), "--json")
    if rec.returncode != 0:
        failures.append(f"formwork reconcile exited {rec.returncode}: {rec.stdout[-500:]}")

    by_outcome = Counter(outcome for _, outcome, *_ in rows)
    by_kind: dict[str, Counter[str]] = {}
    details: Counter[str] = Counter()
    for name, outcome, reasons, detail in rows:
        by_kind.setdefault(kinds.get(name, "?"), Counter())[outcome or "none"] += 1
        if outcome == "quarantined":
            details[re.sub(r"\(.*", "", detail or "").strip()] += 1
        elif "UNKNOWN_FORM_TYPE" in json.loads(reasons or "[]"):
            details["(exception) " + re.sub(r":.*", "", detail or "no detail")] += 1
    print(f"formwork process: exit {proc.returncode}, {took:.0f} s ({len(kinds) / took:.1f} files/s), "
          f"{workers or 'one per CPU:'} {os.cpu_count() if not workers else ''} workers")
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(by_outcome.items(), key=str)))
    print(f"{'damage':<14}" + "".join(f"{o:>12}" for o in ("approved", "exception", "quarantined")))
    for kind, counts in sorted(by_kind.items()):
        print(f"{kind:<14}" + "".join(f"{counts.get(o, 0):>12}" for o in ("approved", "exception", "quarantined")))
    print("why not read:")
    for detail, n in details.most_common(12):
        print(f"  {n:5d}  {detail}")
    print(f"reconcile: exit {rec.returncode}; total {time.perf_counter() - started:.0f} s")
    for f in failures:
        print("FAIL: " + f)
    if not failures:
        print(f"PASS: {len(kinds)} variants, each exactly one submission with an outcome; nothing unaccounted for")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--variants", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=0, help="extraction processes (default: one per CPU)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seeds", type=Path, default=None, help="a folder of more PDFs to damage")
    parser.add_argument("--seconds-per-file", type=float, default=None, help="the per-file time limit")
    parser.add_argument("--keep", type=Path, default=None, help="work here and keep it (default: a temp folder)")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        return run(args.variants, args.workers, args.seed, args.seeds, args.keep, args.seconds_per_file)
    with tempfile.TemporaryDirectory(prefix="formwork-mutation-") as tmp:
        return run(args.variants, args.workers, args.seed, args.seeds, Path(tmp), args.seconds_per_file)


if __name__ == "__main__":
    sys.exit(main())

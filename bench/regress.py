"""Every blind set the readers have been tuned on, read again: a regression run over other authors' forms.

    python -m bench.regress                    # every set in bench/blindsets, first sight only
    python -m bench.regress set30 set33        # some of them
    python -m bench.regress --learning         # and after staff correct the first forms of each layout

Each set in ``bench/blindsets/`` is a generator written by a helper who read only ``../shared/spec`` (see its
README.md for the council and its truth conventions). Its first reading, before any tuning, is in
docs/accuracy.md; after that it is a regression set, and these figures say nothing about forms nobody here
has seen (DEVELOPERS.md). The generator is run in a work folder, then ``bench.corpus`` measures it as a new
council would run it. Takes about 40 seconds a set (twice that with --learning).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.corpus import after_learning, first_sight

SETS = Path(__file__).resolve().parent / "blindsets"
#: The as-of date each set's author wrote its forms for.
AS_OF = {"set29": "2026-12-07", "set30": "2026-12-07", "set31": "2026-12-07", "set32": "2026-12-07",
         "set33": "2026-12-07", "set34": "2026-12-07", "set35": "2026-12-07", "set36": "2026-12-07"}


def generate(name: str, work: Path) -> Path:
    """Run set ``name``'s generator in ``work``/name; returns the folder with records, inbox and truth."""
    out = work / name
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copy(SETS / name / "gen.py", out / "gen.py")
    proc = subprocess.run([sys.executable, "gen.py"], cwd=out, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0 or not (out / "truth.jsonl").exists():
        raise SystemExit(f"{name}: its generator failed:\n{proc.stderr[-2000:]}")
    return out


def _line(name: str, phase: str, ev: dict[str, Any]) -> str:
    return (f"| {name} | {phase} | {ev['files']} | {ev['field_accuracy']:.3f} | {ev['outcome_accuracy']:.3f} | "
            f"{ev['clean_straight_through']:.3f} ({ev['clean_forms']} clean) | {ev['false_approvals']} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="set names (default: every set in bench/blindsets)")
    parser.add_argument("--learning", action="store_true", help="also measure after learning")
    parser.add_argument("--work", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    names = args.sets or sorted(p.name for p in SETS.iterdir() if (p / "gen.py").exists())
    unknown = [n for n in names if not (SETS / n / "gen.py").exists()]
    if unknown:
        raise SystemExit(f"no such set: {', '.join(unknown)} (sets: {', '.join(sorted(AS_OF))})")
    work = args.work or Path(tempfile.mkdtemp(prefix="formwork-regress-"))
    results: dict[str, dict[str, Any]] = {}
    if not args.json:
        print("| set | reading | files | field | outcome | clean straight through | false approvals |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for name in names:
        corpus = generate(name, work / "sets")
        as_of = AS_OF.get(name, "2026-12-07")
        if (work / "runs" / name).exists():
            shutil.rmtree(work / "runs" / name)  # (a fresh council each time, as bench.corpus makes)
        result = {"first_sight": first_sight(corpus, as_of, work / "runs" / name / "first-sight")}
        if args.learning:
            result["after_learning"] = after_learning(corpus, as_of, work / "runs" / name / "after-learning")
        results[name] = result
        if not args.json:
            for phase, ev in result.items():
                if ev:
                    print(_line(name, phase.replace("_", " "), ev), flush=True)
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(f"\n(work folder: {work})")


if __name__ == "__main__":
    main()

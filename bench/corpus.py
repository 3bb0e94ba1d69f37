"""Measure a labelled test corpus as a new council would run it: first sight, then after learning.

    python -m bench.corpus DIR --as-of YYYY-MM-DD [--out WORKDIR] [--json]

DIR holds ``records.xlsx``, ``inbox/`` and ``truth.jsonl`` (cli.md's truth format; rows may carry
``split``, ``layout``, ``channel``). Everything goes through the ``formwork`` command, in a fresh data
folder and database:

1. **First sight**: ``records load``, ``process`` of the whole inbox, ``eval``.
2. **After learning** (when the truth has ``split: learn`` rows): a second fresh council processes the
   ``learn`` forms first; staff (a user the run adds) approve each of them with the truth's values by
   ``formwork review apply`` (a form the pipeline approved already is confirmed); then the rest of the
   inbox is processed, and ``eval --split test`` scores the later forms.

It prints the figures per form type and per layout. DEVELOPERS.md says which corpora to run it on:
a corpus stops measuring first sight once the readers have been tuned on it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

USER = "measure"


def _run(*args: str, env: dict[str, str], cwd: Path, stdin: str | None = None) -> str:
    proc = subprocess.run([sys.executable, "-m", "formwork.cli", *args], cwd=cwd, env=env, text=True,
                          capture_output=True, input=stdin, timeout=3600)
    if proc.returncode != 0:
        raise SystemExit(f"formwork {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FORMWORK_")}
    env.update({"FORMWORK_HOME": str(home / "data"), "FORMWORK_SETTINGS": str(home / "absent.toml")})
    return env


def _eval(env: dict[str, str], cwd: Path, truth: Path, split: str | None = None) -> dict[str, Any]:
    args = ["eval", "--truth", str(truth), "--json", "--by", "layout", "--mistakes", "1000"]
    if split:
        args += ["--split", split]
    return json.loads(_run(*args, env=env, cwd=cwd))


def first_sight(corpus: Path, as_of: str, work: Path) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    env = _env(work)
    _run("records", "load", str(corpus / "records.xlsx"), env=env, cwd=work)
    _run("process", str(corpus / "inbox"), "--engine", "local", "--as-of", as_of, env=env, cwd=work)
    return _eval(env, work, corpus / "truth.jsonl")


def after_learning(corpus: Path, as_of: str, work: Path) -> dict[str, Any] | None:
    truth = [json.loads(line) for line in (corpus / "truth.jsonl").read_text().splitlines() if line.strip()]
    learn = [t for t in truth if t.get("split") == "learn"]
    if not learn:
        return None
    work.mkdir(parents=True, exist_ok=True)
    env = _env(work)
    first, later = work / "inbox-learn", work / "inbox-later"
    for folder in (first, later):
        folder.mkdir(exist_ok=True)
    names = {t["file"] for t in learn}
    for f in sorted((corpus / "inbox").iterdir()):
        shutil.copy(f, (first if f.name in names else later) / f.name)
    _run("records", "load", str(corpus / "records.xlsx"), env=env, cwd=work)
    _run("users", "add", USER, "--role", "admin", env=env, cwd=work, stdin="a-long-enough-password\n")
    _run("process", str(first), "--engine", "local", "--as-of", as_of, env=env, cwd=work)
    # Staff teach from every case they can open: they say which form it is (one Formwork did not recognise,
    # or took for another form) and correct its answers. A quarantined file (unreadable) has nothing to
    # teach from, and is dealt with outside Formwork.
    exported = work / "learn-export.jsonl"
    _run("export", "--format", "jsonl", "--out", str(exported), env=env, cwd=work)
    readable = {row["file"] for row in map(json.loads, exported.read_text().splitlines())
                if row.get("outcome") != "quarantined"}
    decisions = work / "decisions.jsonl"
    untaught = []
    with decisions.open("w") as fh:
        for t in learn:
            if t["file"] not in readable or not t.get("form_type"):
                untaught.append(t["file"])
                continue
            fields = {k: v for k, v in (t.get("fields") or {}).items() if not isinstance(v, list)}
            fh.write(json.dumps({"file": t["file"], "user": USER, "decision": "approve", "form_type": t["form_type"],
                                 "fields": fields, "note": "checked against the form"}) + "\n")
    applied = _run("review", "apply", str(decisions), "--as-of", as_of, env=env, cwd=work)
    _run("process", str(later), "--engine", "local", "--as-of", as_of, env=env, cwd=work)
    result = _eval(env, work, corpus / "truth.jsonl", "test")
    result["review_apply"] = applied.strip().splitlines()[-1] if applied.strip() else ""
    result["not_taught"] = untaught  # learn forms that could not be read: nothing for staff to teach from
    return result


def _table(title: str, ev: dict[str, Any]) -> str:
    lines = [f"## {title}",
             f"files {ev['files']}, field accuracy {ev['field_accuracy']:.4f}, outcome accuracy "
             f"{ev['outcome_accuracy']:.4f}, clean forms straight through {ev['clean_straight_through']:.4f} "
             f"({ev['clean_forms']} clean), false approvals {ev['false_approvals']}",
             "", "| form type | files | field accuracy | outcome accuracy |", "| --- | --- | --- | --- |"]
    for ft, s in ev["by_form_type"].items():
        lines.append(f"| {ft} | {s['files']} | {s['field_accuracy']:.4f} | {s['outcome_accuracy']:.4f} |")
    by = ev.get("by", {}).get("layout", {})
    if by:
        lines += ["", "| layout | files | field accuracy | clean straight through | false approvals |",
                  "| --- | --- | --- | --- | --- |"]
        for name, s in by.items():
            lines.append(f"| {name} | {s['files']} | {s['field_accuracy']:.4f} | "
                         f"{s['clean_straight_through']:.4f} | {s['false_approvals']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--out", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-learning", action="store_true")
    args = parser.parse_args()
    work = args.out or Path(tempfile.mkdtemp(prefix="formwork-corpus-"))
    if work.exists():
        shutil.rmtree(work)
    results = {"first_sight": first_sight(args.corpus, args.as_of, work / "first-sight")}
    if not args.no_learning:
        results["after_learning"] = after_learning(args.corpus, args.as_of, work / "after-learning")
    if args.json:
        print(json.dumps(results, indent=1))
        return
    print(_table(f"{args.corpus}: first sight", results["first_sight"]))
    if results.get("after_learning"):
        print()
        print(_table(f"{args.corpus}: later forms, after staff corrected the first two of each layout",
                     results["after_learning"]))
        print(f"\nreview apply: {results['after_learning']['review_apply']}")
        if results["after_learning"]["not_taught"]:
            print("learn forms Formwork gave no form type (not taught): "
                  + ", ".join(results["after_learning"]["not_taught"]))
    print(f"\n(work folder: {work})")


if __name__ == "__main__":
    main()

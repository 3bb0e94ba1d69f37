"""Make golden cases from the files of a ``formwork sample`` folder.

    formwork sample --out /tmp/s --forms 200 --seed 7
    python -m tests.extractors.make_golden --from /tmp/s                    # list the files and their case names
    python -m tests.extractors.make_golden --from /tmp/s --one-per-layout   # one clean form per form type and layout
    python -m tests.extractors.make_golden --from /tmp/s spd_0012.pdf scan_0052.pdf=encrypted

Each file is copied to ``tests/extractors/golden/<form type>/<case>.pdf``
(``none/`` when the truth has no form type) and its expected file written from
the extraction now. Then the extraction is compared with the sample's
truth.jsonl, field by field: read that comparison, since a golden file records
what the extractor does, right or wrong. An existing case is kept unless
``--force``. ``--one-per-layout`` takes the smallest clean file of each
layout, so the repository stays light.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.registry import default_registry
from formwork import reasons as R
from tests.extractors import golden


@dataclass(frozen=True)
class SampleFile:
    path: Path
    form_type: str | None
    truth: dict[str, Any]
    kind: str
    layout: str | None
    faults: tuple[str, ...]

    @property
    def folder(self) -> str:
        return self.form_type or golden.NO_FORM_TYPE

    @property
    def case_name(self) -> str:
        """``printed_labels``, ``boxed_grid-invalid_format-postcode``, ``agenda``, ``encrypted-acroform_named``."""
        if self.form_type is None:
            parts = [self.kind, *([self.layout] if self.layout else [])]
        else:
            parts = [self.layout or self.kind, *self.faults]
        return "-".join(re.sub(r"[^a-z0-9]+", "_", p.lower()).strip("_") for p in parts)


class SampleError(Exception):
    pass


def read_sample(folder: Path) -> dict[str, SampleFile]:
    truth_path, manifest_path, inbox = folder / "truth.jsonl", folder / "sample.json", folder / "inbox"
    for p in (truth_path, inbox):
        if not p.exists():
            raise SampleError(f"{folder} is not a `formwork sample` folder: {p.name} is missing")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    about = manifest.get("files", {})
    files = {}
    for line in truth_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        t = json.loads(line)
        info = about.get(t["file"], {})
        files[t["file"]] = SampleFile(inbox / t["file"], t.get("form_type"), t, str(info.get("kind", "file")),
                                      info.get("layout"), tuple(info.get("faults", ())))
    return files


def one_per_layout(files: dict[str, SampleFile]) -> list[tuple[SampleFile, str]]:
    """The smallest clean form of each (form type, layout)."""
    best: dict[tuple[str, str], SampleFile] = {}
    for f in files.values():
        if f.form_type is None or f.faults or f.truth.get("outcome") != "approved":
            continue
        key = (f.form_type, f.layout or f.kind)
        size = f.path.stat().st_size
        if key not in best or (size, f.path.name) < (best[key].path.stat().st_size, best[key].path.name):
            best[key] = f
    return [(best[k], best[k].case_name) for k in sorted(best)]


def compare_with_truth(view: dict[str, Any], truth: dict[str, Any]) -> list[str]:
    """Lines saying where the extraction differs from the sample's truth; empty when it agrees."""
    out = []
    if view["form_type"] != truth.get("form_type"):
        out.append(f"form type {view['form_type']!r}, truth {truth.get('form_type')!r}")
    got, want = view["fields"], truth.get("fields", {})
    for name in sorted(set(got) | set(want)):
        if name not in got:
            why = f" (read as invalid: {view['invalid'][name]['problem']})" if name in view["invalid"] else ""
            out.append(f"{name}: missing{why}, truth {want[name]!r}")
        elif name not in want:
            out.append(f"{name}: {got[name]!r} extracted, absent from the truth")
        elif got[name] != want[name]:
            out.append(f"{name}: {got[name]!r}, truth {want[name]!r}")
    return out


#: The reason codes an extraction alone decides (formwork.decide.field_reasons).
FIELD_REASONS = (R.MISSING_FIELD, R.INVALID_FORMAT, R.LOW_CONFIDENCE)


def compare_reasons(view: dict[str, Any], truth: dict[str, Any], threshold: float = 0.8) -> list[str]:
    """Field-level reason codes the extraction would raise against those the truth expects."""
    if not view["extractor"]:
        return []
    schema = default_registry().get(view["extractor"]).fields
    got = {f"{R.MISSING_FIELD}:{f.name}" for f in schema
           if f.required and f.name not in view["fields"] and f.name not in view["invalid"]}
    got |= {f"{R.INVALID_FORMAT}:{name}" for name in view["invalid"]}
    got |= {f"{R.LOW_CONFIDENCE}:{name}" for name, c in view["confidence"].items() if c < threshold}
    want = {r for r in truth.get("reasons", []) if r.split(":")[0] in FIELD_REASONS}
    return ([f"{r} raised, not in the truth" for r in sorted(got - want)]
            + [f"{r} expected by the truth, not raised" for r in sorted(want - got)])


def add_case(f: SampleFile, name: str, force: bool, root: Path = golden.GOLDEN_DIR) -> golden.GoldenCase | None:
    dest = root / f.folder / f"{name}.pdf"
    if dest.exists() and not force:
        return None
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(f.path, dest)
    case = golden.GoldenCase(f.folder, name, dest)
    golden.actual_text.cache_clear()
    golden.write_expected(case)
    return case


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.extractors.make_golden", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="sample", type=Path, required=True, help="a `formwork sample --out` folder")
    parser.add_argument("files", nargs="*", metavar="FILE[=CASE]", help="inbox files to add, optionally renamed")
    parser.add_argument("--one-per-layout", action="store_true",
                        help="add the smallest clean form of each form type and layout")
    parser.add_argument("--force", action="store_true", help="replace cases that already exist")
    parser.add_argument("--golden", type=Path, default=golden.GOLDEN_DIR,
                        help="the golden folder (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        files = read_sample(args.sample)
    except (SampleError, OSError, ValueError, KeyError) as exc:
        print(f"make_golden: {exc}", file=sys.stderr)
        return 2

    wanted: list[tuple[SampleFile, str]] = one_per_layout(files) if args.one_per_layout else []
    for spec in args.files:
        file_name, _, case_name = spec.partition("=")
        if file_name not in files:
            print(f"make_golden: {file_name} is not in {args.sample / 'truth.jsonl'}", file=sys.stderr)
            return 2
        wanted.append((files[file_name], case_name or files[file_name].case_name))

    if not wanted:
        for name, f in files.items():
            size = f.path.stat().st_size if f.path.is_file() else 0
            print(f"{name:<18} {size / 1024:6.1f} KB  {f.folder}/{f.case_name}")
        print("\nAdd some with: python -m tests.extractors.make_golden --from SAMPLE FILE[=CASE] ... "
              "(or --one-per-layout)")
        return 0

    for f, name in wanted:
        case = add_case(f, name, args.force, args.golden)
        if case is None:
            print(f"{f.folder}/{name}: exists, kept (--force to replace)")
            continue
        view = json.loads(golden.actual_text(case.pdf))
        problems = compare_with_truth(view, f.truth) + compare_reasons(view, f.truth)
        verdict = "agrees with the truth" if not problems else "DIFFERS from the truth:"
        print(f"{case.id} <- {f.path.name} ({case.pdf.stat().st_size / 1024:.1f} KB): {verdict}")
        for line in problems:
            print(f"    {line}")
    print("\nRead each new .expected.json once, then commit the PDFs and expected files together.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

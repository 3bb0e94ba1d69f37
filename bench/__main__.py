"""``python -m bench``: Formwork's figures on this machine, each against its target (docs/benchmarks.md).

Everything runs as the command a council would run (``formwork process``,
``formwork records load``) in a fresh data folder, timed from start to exit,
with the resident memory of the command's whole process tree sampled from
/proc. The bare loop is ``python -m bench.bare`` over the same files.

    python -m bench                 # the full run: 1,000 and 10,000 forms, 100,000-property records
    python -m bench --quick         # a smoke run in about a minute: small numbers, same figures
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from bench import data
from bench.memory import PeakSampler

MB = 1_000_000
PARTS = ("side", "growth", "records")
PACKAGES = ("pdfplumber", "pdfminer.six", "prefect", "sqlalchemy", "sqlmodel", "openpyxl", "spacy")


@dataclass
class Run:
    """One command, timed from start to exit, with the peak memory of its process tree."""

    name: str
    seconds: float
    peak_mb: float  # PSS summed over the process tree (memory.py)
    peak_rss_mb: float  # RSS summed: counts shared pages once per process
    processes: int
    forms: int
    cpu_seconds: float  # CPU time of the whole tree (sampled; see memory.py)
    output: dict[str, Any] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.forms / self.seconds


def run(name: str, cmd: list[str], env: dict[str, str], forms: int, log: Path) -> Run:
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, env=env, text=True)
        with PeakSampler(proc.pid) as mem:
            out, _ = proc.communicate()
        seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed (exit {proc.returncode}): see {log}")
    try:
        parsed = json.loads(out)
    except json.JSONDecodeError:
        parsed = {"stdout": out[-2000:]}
    r = Run(name, seconds, mem.peak_pss / MB, mem.peak_rss / MB, mem.peak_processes, forms,
            round(mem.cpu_seconds, 1), parsed)
    rate = f", {r.rate:.1f} forms/s" if forms else ""
    print(f"  {name}: {seconds:.1f} s{rate}, CPU {r.cpu_seconds:.1f} s, peak {r.peak_mb:.0f} MB "
          f"(PSS; RSS summed {r.peak_rss_mb:.0f} MB) over {r.processes} processes, load {os.getloadavg()[0]:.1f}",
          flush=True)
    return r


class Bench:
    def __init__(self, work: Path, env: dict[str, str]) -> None:
        self.work = work
        self.env = env
        self.runs = 0

    def fresh_home(self, label: str) -> tuple[Path, dict[str, str]]:
        self.runs += 1
        home = self.work / "runs" / f"{self.runs:02d}-{label}"
        if home.exists():
            subprocess.run(["rm", "-rf", str(home)], check=True)
        home.mkdir(parents=True)
        env = {**self.env, "FORMWORK_HOME": str(home), "FORMWORK_DB": f"sqlite:///{home}/formwork.db"}
        return home, env

    def load(self, council: data.Council, label: str) -> tuple[Path, dict[str, str], Run]:
        home, env = self.fresh_home(label)
        cmd = [sys.executable, "-m", "formwork.cli", "records", "load", str(council.records)]
        return home, env, run(f"records load ({council.properties:,} properties)", cmd, env, 0, home / "load.log")

    def process(self, council: data.Council, forms: int, engine: str, label: str,
                loaded: tuple[Path, dict[str, str]] | None = None) -> Run:
        inbox = council.inbox(forms)
        if loaded is None:
            home, env, _ = self.load(council, label)
        else:
            home, env = loaded
        cmd = [sys.executable, "-m", "formwork.cli", "process", str(inbox), "--as-of", data.AS_OF, "--json"]
        if engine == "local":
            cmd += ["--engine", "local"]
        r = run(f"formwork process ({engine}, {forms:,} forms, {council.properties:,} properties)", cmd, env,
                forms, home / "process.log")
        processed = r.output.get("processed")
        if processed != forms:
            raise SystemExit(f"{r.name}: {processed} forms processed, {forms} expected: see {home}")
        return r

    def bare(self, council: data.Council, forms: int) -> Run:
        cmd = [sys.executable, "-m", "bench.bare", str(council.inbox(forms))]
        return run(f"bare pdfplumber loop ({forms:,} forms)", cmd, self.env, forms,
                   self.work / "runs" / "bare.log")


def median_run(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda r: r.seconds)
    return ordered[len(ordered) // 2]


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split("\n")[0].split()[1])
        mem = f"{kb / 1e6:.1f} GB"
    except (OSError, ValueError, IndexError):
        pass
    versions = {}
    for p in PACKAGES:
        try:
            versions[p] = metadata.version(p)
        except metadata.PackageNotFoundError:
            versions[p] = "-"
    return {"cpus": os.cpu_count(), "cpu_model": model, "memory": mem, "python": platform.python_version(),
            "system": platform.platform(), "packages": versions}


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: str
    passed: bool
    detail: str = ""


def check(name: str, value: float, unit: str, target: str, ok: Callable[[float], bool], detail: str = "") -> Figure:
    return Figure(name, round(value, 3), unit, target, bool(ok(value)), detail)


def table(figures: list[Figure]) -> str:
    rows = [("figure", "measured", "target", "result")]
    for f in figures:
        value = f"{f.value:,.2f} {f.unit}".strip()
        rows.append((f.name, value, f.target, "PASS" if f.passed else "FAIL"))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, default=Path("bench-data"),
                    help="folder for generated councils, run folders and results (default: ./bench-data)")
    ap.add_argument("--forms", type=int, default=1000, help="forms in the side-by-side runs (default 1000)")
    ap.add_argument("--big-forms", type=int, default=10_000, help="forms in the growth run (default 10000)")
    ap.add_argument("--properties", type=int, default=2000, help="properties of the usual council (default 2000)")
    ap.add_argument("--big-properties", type=int, default=100_000,
                    help="properties of the big council (default 100000)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs of each side-by-side measurement, interleaved; the median is kept (default 1)")
    ap.add_argument("--quick", action="store_true",
                    help="small numbers (40 forms, 120 in the growth run, 5,000 properties) to check the bench")
    ap.add_argument("--prefect-port", type=int, default=4297, help="port of the Prefect server the bench starts")
    ap.add_argument("--only", action="append", choices=PARTS,
                    help="run only this part (side: the 1,000-form runs; growth: side and the 10,000-form run; "
                         "records: 100,000 properties); may be given twice (default: all)")
    ap.add_argument("--json", type=Path, default=None,
                    help="also write the results here (always: WORK/results.json, or results-PARTS.json with --only)")
    args = ap.parse_args(argv)
    if args.quick:
        args.forms, args.big_forms, args.big_properties = 40, 120, 5000
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)

    from formwork.serve import start_server, stop_server

    started = time.perf_counter()
    info = machine()
    load_before = os.getloadavg()
    print(f"Formwork bench in {work}: {info['cpus']} CPUs ({info['cpu_model']}), Python {info['python']}")

    parts = set(args.only or PARTS)
    print("Data (generated once, then reused):", flush=True)
    small = data.council(work, properties=args.properties, forms=args.big_forms)
    mid = data.council(work, properties=args.properties, forms=args.forms)
    big = data.council(work, properties=args.big_properties, forms=args.forms)

    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("FORMWORK_", "PREFECT_"))}
    base_env.update({"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                     "PREFECT_HOME": str(work / "prefect-home")})
    print(f"Starting a Prefect server on 127.0.0.1:{args.prefect_port} for the run ...", flush=True)
    t = time.perf_counter()
    server = start_server(args.prefect_port, work / "prefect-server.log", env=base_env)
    server_seconds = time.perf_counter() - t
    env = {**base_env, "PREFECT_API_URL": server.api_url}
    bench = Bench(work, env)
    runs: dict[str, Any] = {}
    figures: list[Figure] = []
    try:
        if "side" in parts or "growth" in parts:
            print(f"Side by side on {args.forms:,} two-page forms ({args.repeat} round(s), interleaved):", flush=True)
            bares, locals_, prefects = [], [], []
            for _ in range(args.repeat):
                bares.append(bench.bare(small, args.forms))
                locals_.append(bench.process(small, args.forms, "local", "local"))
                prefects.append(bench.process(small, args.forms, "prefect", "prefect"))
            bare, local, prefect = median_run(bares), median_run(locals_), median_run(prefects)
            runs.update({"bare": bares, "local": locals_, "prefect": prefects})
            figures += [
                check("throughput: formwork process / bare loop", prefect.rate / bare.rate, "x", ">= 1.5",
                      lambda v: v >= 1.5, f"{prefect.rate:.1f} vs {bare.rate:.1f} forms/s"),
                check("throughput: --engine local / bare loop (for information)", local.rate / bare.rate, "x", "-",
                      lambda v: True, f"{local.rate:.1f} vs {bare.rate:.1f} forms/s"),
                check("CPU per form: formwork process / bare loop (for information)",
                      (prefect.cpu_seconds / prefect.forms) / (bare.cpu_seconds / bare.forms), "x", "-",
                      lambda v: True, f"{1000 * prefect.cpu_seconds / prefect.forms:.0f} vs "
                      f"{1000 * bare.cpu_seconds / bare.forms:.0f} ms of CPU per form"),
                check("orchestration overhead: Prefect flow vs --engine local",
                      100 * (prefect.seconds / local.seconds - 1), "%", "<= 10%", lambda v: v <= 10,
                      f"{prefect.seconds:.1f} s vs {local.seconds:.1f} s"),
                check(f"peak memory, {args.forms:,} forms", prefect.peak_mb, "MB", "<= 500 MB", lambda v: v <= 500),
            ]
        if "growth" in parts:
            print(f"Growth and memory on {args.big_forms:,} forms:", flush=True)
            grown = bench.process(small, args.big_forms, "prefect", "big-inbox")
            runs["big_inbox"] = grown
            figures += [
                check(f"peak memory, {args.big_forms:,} forms", grown.peak_mb, "MB", "<= 500 MB",
                      lambda v: v <= 500),
                check("memory growth, big inbox vs small", 100 * (grown.peak_mb / prefect.peak_mb - 1), "%",
                      "<= 10%", lambda v: v <= 10),
                check(f"time growth, {args.big_forms:,} vs {args.forms:,} forms", grown.seconds / prefect.seconds,
                      "x", f"<= {1.1 * args.big_forms / args.forms:g}x",
                      lambda v: v <= 1.1 * args.big_forms / args.forms,
                      f"{grown.seconds:.1f} s vs {prefect.seconds:.1f} s"),
            ]
        if "records" in parts:
            print(f"Records at scale ({mid.properties:,} against {big.properties:,} properties):", flush=True)
            mids, bigs, loads = [], [], []
            for _ in range(args.repeat):
                mids.append(bench.process(mid, args.forms, "local", "records-small"))
                big_home, big_env, big_load = bench.load(big, "records-big")
                loads.append(big_load)
                bigs.append(bench.process(big, args.forms, "local", "records-big", loaded=(big_home, big_env)))
            mid_run, big_run, big_load = median_run(mids), median_run(bigs), median_run(loads)
            runs.update({"records_small": mids, "records_big": bigs, "records_big_load": loads})
            rows = big.records_count
            figures += [
                check(f"rate with {big.properties:,} properties / with {mid.properties:,}",
                      big_run.rate / mid_run.rate, "x", ">= 0.9", lambda v: v >= 0.9,
                      f"{big_run.rate:.1f} vs {mid_run.rate:.1f} forms/s"),
                check(f"records load, {big.properties:,}-property workbook", big_load.seconds, "s", "< 60 s",
                      lambda v: v < 60, ", ".join(f"{k} {v:,}" for k, v in rows.items()) + " rows"),
            ]
    finally:
        stop_server(server)

    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": "python -m bench " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": info,
        "load_average": {"before": [round(x, 2) for x in load_before], "after": [round(x, 2) for x in os.getloadavg()]},
        "settings": {"forms": args.forms, "big_forms": args.big_forms, "properties": args.properties,
                     "big_properties": args.big_properties, "repeat": args.repeat,
                     "prefect_server_start_seconds": round(server_seconds, 1)},
        "runs": {k: [asdict(r) for r in v] if isinstance(v, list) else asdict(v) for k, v in runs.items()},
        "figures": [asdict(f) for f in figures],
        "parts": sorted(parts),
        "seconds": round(time.perf_counter() - started, 1),
        "all_passed": all(f.passed for f in figures),
    }
    for r in result["runs"].values():
        for one in r if isinstance(r, list) else [r]:
            one["output"] = {k: v for k, v in one["output"].items() if k in ("processed", "seconds",
                                                                            "forms_per_second", "files", "pages",
                                                                            "failed")}
    text = json.dumps(result, indent=2)
    name = "results.json" if parts == set(PARTS) else f"results-{'+'.join(sorted(parts))}.json"
    (work / name).write_text(text)
    if args.json:
        args.json.write_text(text)
    print()
    print(table(figures))
    for f in figures:
        if f.detail:
            print(f"  {f.name}: {f.detail}")
    print(f"\nload average before/after: {result['load_average']}; whole bench {result['seconds']:.0f} s; "
          f"results in {work / name}")
    return 0 if result["all_passed"] else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""``python -m bench.report [RESULTS.json ...]``: the figures of bench runs as Markdown, for docs/benchmarks.md."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def figures_table(result: dict[str, Any]) -> str:
    lines = ["| figure | measured | target | result | detail |", "| --- | --- | --- | --- | --- |"]
    for f in result["figures"]:
        value = f"{f['value']:,.2f} {f['unit']}".strip()
        verdict = "-" if f["target"] == "-" else ("**PASS**" if f["passed"] else "**FAIL**")
        lines.append(f"| {f['name']} | {value} | {f['target']} | {verdict} | {f['detail']} |")
    return "\n".join(lines)


def runs_table(result: dict[str, Any]) -> str:
    lines = ["| run | seconds | forms/s | CPU s | peak PSS MB | peak RSS summed MB | processes |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for runs in result["runs"].values():
        for r in runs if isinstance(runs, list) else [runs]:
            rate = f"{r['forms'] / r['seconds']:.1f}" if r["forms"] else "-"
            lines.append(f"| {r['name']} | {r['seconds']:.1f} | {rate} | {r['cpu_seconds']:.1f} | "
                         f"{r['peak_mb']:.0f} | {r['peak_rss_mb']:.0f} | {r['processes']} |")
    return "\n".join(lines)


def machine(result: dict[str, Any]) -> str:
    m = result["machine"]
    packages = ", ".join(f"{k} {v}" for k, v in m["packages"].items())
    return (f"- {m['cpus']} CPUs, {m['cpu_model']} (`/proc/cpuinfo`), {m['memory']} of memory\n"
            f"- {m['system']}, Python {m['python']}\n- {packages}")


def main(paths: list[str]) -> None:
    for path in paths or ["bench-data/results.json"]:
        result = json.loads(Path(path).read_text())
        print(f"`{result['command']}`, {result['when']}, {result['seconds']:.0f} s in all, "
              f"load average before {result['load_average']['before']}, after {result['load_average']['after']}\n")
        print(figures_table(result), "\n")
        print(runs_table(result), "\n")
        print(machine(result), "\n")


if __name__ == "__main__":
    main(sys.argv[1:])

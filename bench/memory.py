"""Peak resident memory and CPU time of a process and all its descendants, sampled from /proc.

Two sums are kept. RSS summed over the processes counts a page shared by
several processes (the worker processes are forked from one parent and share
its libraries and imported modules) once per process, so it overstates what
the tree holds. PSS (proportional set size, /proc/PID/smaps_rollup) charges
each process its share of a shared page, so its sum is the memory the tree
really holds: the figure the target is checked on.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the command name may hold spaces and parentheses: the ppid follows the last ')'
        fields = stat[stat.rfind(")") + 2:].split()
        kids.setdefault(int(fields[1]), []).append(int(entry.name))
    return kids


def _rss_pss(pid: int) -> tuple[int, int]:
    rss = pss = 0
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Rss:"):
            rss = int(line.split()[1]) * 1024
        elif line.startswith("Pss:"):
            pss = int(line.split()[1]) * 1024
    return rss, pss


_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rfind(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / _TICK  # utime + stime


def tree_memory(root: int, cpu: dict[int, float] | None = None) -> tuple[int, int, int]:
    """(RSS summed, PSS summed, number of processes) over ``root`` and its descendants, in bytes.

    ``cpu``, when given, is updated with each process's CPU seconds so far.
    """
    kids = _children_map()
    rss = pss = count = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        try:
            r, p = _rss_pss(pid)
            if cpu is not None:
                cpu[pid] = _cpu_seconds(pid)
        except (OSError, IndexError, ValueError):
            continue
        rss, pss, count = rss + r, pss + p, count + 1
        todo.extend(kids.get(pid, []))
    return rss, pss, count


class PeakSampler:
    """Samples ``tree_memory(pid)`` every ``interval`` seconds in a thread until stopped."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid, self.interval = pid, interval
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_processes = 0
        self.samples = 0
        #: CPU seconds of each process of the tree when last seen (a process's last moments may be missed).
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            rss, pss, n = tree_memory(self.pid, self.cpu)
            if n:
                self.samples += 1
                self.peak_rss = max(self.peak_rss, rss)
                self.peak_pss = max(self.peak_pss, pss)
                self.peak_processes = max(self.peak_processes, n)
            self._stop.wait(self.interval)

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())

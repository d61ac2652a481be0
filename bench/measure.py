"""Small measuring tools: timings, percentiles, process memory, sizes on disk."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

T = TypeVar("T")


def summary(samples_ms: list[float]) -> dict[str, float]:
    """Count, p50, p95 and mean of latencies in milliseconds."""
    values = np.asarray(samples_ms, dtype=np.float64)
    return {
        "n": len(values),
        "p50_ms": round(float(np.percentile(values, 50)), 2),
        "p95_ms": round(float(np.percentile(values, 95)), 2),
        "mean_ms": round(float(values.mean()), 2),
    }


def time_each(items: Iterable[T], action: Callable[[T], Any]) -> list[float]:
    """Milliseconds each call of `action` took, one per item."""
    samples = []
    for item in items:
        started = time.perf_counter()
        action(item)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def own_peak_rss_mb() -> float:
    """Peak resident memory of this process so far: VmHWM of its own address space.

    Not getrusage's ru_maxrss: Linux carries the parent's peak into a child across fork and
    exec, so a small subprocess of a large bench process would report the parent's peak."""
    return process_memory_mb(os.getpid())["peak_rss_mb"]


def process_memory_mb(pid: int) -> dict[str, float]:
    """Current (VmRSS) and peak (VmHWM) resident memory of a running process."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = round(int(value.split()[0]) / 1024, 1)
    return {"rss_mb": fields["VmRSS"], "peak_rss_mb": fields["VmHWM"]}


def descendants(pid: int) -> list[int]:
    """Every child process of `pid`, recursively (from /proc)."""
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children.extend(int(child) for child in (task / "children").read_text().split())
    return children + [grandchild for child in children for grandchild in descendants(child)]


def size_mb(path: Path) -> float:
    """Size on disk of a file or a folder's files."""
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return round(sum(p.stat().st_size for p in files) / 2**20, 2)

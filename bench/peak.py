"""`python -m bench.peak FILE MODULE [ARGS...]`: run MODULE as a program, then write this
process's peak resident memory in MB to FILE (see measure.own_peak_rss_mb for why a parent
cannot read it from the child's rusage)."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from bench.measure import own_peak_rss_mb


def main(argv: list[str]) -> None:
    out, module, *args = argv
    sys.argv = [module, *args]
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    finally:
        Path(out).write_text(str(own_peak_rss_mb()))


if __name__ == "__main__":
    main(sys.argv[1:])

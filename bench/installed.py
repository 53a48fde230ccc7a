"""Programs run as an installed factmark runs: its bytecode compiled once and kept.

``pip install`` compiles a package's modules when it installs them; an editable
install in an environment that sets PYTHONDONTWRITEBYTECODE compiles factmark's
own modules again at every start instead (tens of milliseconds). The benchmarks
time the installed program: every process they start, factmark and its
yardsticks alike, gets this environment, which keeps compiled modules in a
folder of the benchmark's own (the first run fills it; benchmarks drop or
outlast that run).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

CACHE = Path(tempfile.gettempdir()) / "factmark-bench-pycache"


def environment(cache: Path = CACHE) -> dict[str, str]:
    """This process's environment, bytecode kept in ``cache``."""
    environ = {
        name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"
    }
    environ["PYTHONPYCACHEPREFIX"] = str(cache)
    return environ

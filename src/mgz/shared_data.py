"""Where the project's shared reference material lives (covenant, FHIR examples, benchmarks).

On CI and on a developer machine the repository is cloned next to a `shared/` folder;
MGZ_SHARED_DIR overrides that.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    return Path(os.environ.get("MGZ_SHARED_DIR") or REPO_ROOT.parent / "shared")

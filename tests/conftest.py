from __future__ import annotations

import sys
from pathlib import Path

# tests/sitekit.py is imported by test modules as a plain module.
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Work in progress for the hostile-input issue: tests that wait for their wiring (see the
# patches beside them). Not collected until they are moved back into tests/.
collect_ignore = ["pending"]

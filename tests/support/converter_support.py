"""Constants and helpers shared by the converter tests (imported by name; no __init__ here)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "converter"
#: A frozen copy of the taxonomy, so golden files do not move each time content/taxonomy grows.
TAXONOMY = FIXTURES / "taxonomy"
#: "Today" for the far-future check, fixed so the tests do not age.
TODAY = date(2026, 1, 1)
SEEDS = sorted(FIXTURES.glob("seed-*.txt"))

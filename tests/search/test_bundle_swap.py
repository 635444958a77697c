"""The search bundle survives a killed build (issue 20, cases 6 and 9): a bundle missing files is
never "kept", a new one is swapped in whole, and the work and swap folders of dead builds go."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from plugins.search.bundle import STAMP, is_current
from plugins.search.index import SearchRecord, build_index, check_bundle

DEAD_PID = 2**22 + 4321  # above Linux's default pid_max: never a live process
RECORD = SearchRecord(url="th/releases/x/", lang="th", title="ประชุม WG-AS", date="2024-03-24",
                      text="การประชุมคณะทำงานอาเซียน", filters={"year": ["2024"]})


def test_a_bundle_missing_files_is_not_current(tmp_path):
    build_index([RECORD], tmp_path, fingerprint="abc")
    bundle = tmp_path / "pagefind"
    assert is_current(bundle, "abc") and not is_current(bundle, "other")
    assert (bundle / STAMP).read_text().splitlines()[0] == "abc"
    fragment = next(bundle.glob("fragment/*"))
    fragment.unlink()  # what a build killed while removing the old bundle left
    check_bundle(bundle)  # the entry and the index still look fine...
    assert not is_current(bundle, "abc")  # ...but the stamp's file list says it is not whole
    wasm = next(bundle.glob("wasm.*"))
    build_index([RECORD], tmp_path, fingerprint="abc")
    assert is_current(bundle, "abc") and wasm.is_file() and fragment.is_file()


def test_a_truncated_file_is_not_current(tmp_path):
    build_index([RECORD], tmp_path, fingerprint="abc")
    wasm = next((tmp_path / "pagefind").glob("wasm.*"))
    wasm.write_bytes(wasm.read_bytes()[:100])
    assert not is_current(tmp_path / "pagefind", "abc")


def test_leftovers_of_killed_builds_are_removed(tmp_path):
    work = Path(tempfile.gettempdir()) / f"briefing-search-{DEAD_PID}-leftover"
    swaps = [tmp_path / f".pagefind-new-{DEAD_PID}", tmp_path / f".pagefind-old-{DEAD_PID}"]
    for folder in [work, *swaps]:
        (folder / "shadow").mkdir(parents=True, exist_ok=True)
    build_index([RECORD], tmp_path, fingerprint="abc")
    assert not work.exists() and not any(p.exists() for p in swaps)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pagefind"]
    leftovers = [p for p in Path(tempfile.gettempdir()).glob("briefing-search-*")
                 if p.name.startswith(f"briefing-search-{os.getpid()}-")]
    assert leftovers == []  # this process's work folder is gone too

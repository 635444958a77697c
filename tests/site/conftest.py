"""Fixtures for the site tests: one tiny site per session, built with the project's settings."""

from __future__ import annotations

import os

import pytest
from site_build import build_site, pair

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

FIGURES = [{"value": 338, "unit": "participants", "th": "338 คน", "en": "338 participants"}]


def tiny_releases() -> list[dict]:
    """Four releases: three about Cambodia (a fourth mentions it), three in the WG-AS series (one
    unknown session)."""
    wg1 = {"meetings": ["wg-as/1"], "meeting_status": {"wg-as/1": "held"}}
    wg5 = {"meetings": ["wg-as/5"], "meeting_status": {"wg-as/5": "held"}}
    releases = []
    releases += pair("2024-03-24-80784", "2024-03-24", "ดีอี เป็นประธาน WG-AS",
                     "MDES chairs WG-AS", countries=["KH", "TH"], **wg1,
                     topics=["online-scams", "mou"], organisations=["mdes"], people=["wisit"],
                     figures=FIGURES, event_date="2024-03-19")
    releases += pair("2025-04-23-90000", "2025-04-23", "ประชุม WG-AS ครั้งที่ 5",
                     "WG-AS 5th meeting", countries=["ID", "TH"], **wg5, topics=["online-scams"],
                     type="meeting", mentions={"countries": ["KH"], "people": ["wisit"]})
    releases += pair("2024-03-07-80000", "2024-03-07", "ดีอี เตรียมเยือนกัมพูชา",
                     "MDES to visit Cambodia", countries=["KH"], topics=["mou"],
                     meetings=["wg-as/9"])
    outdated = pair("2023-08-25-70000", "2023-08-25", "ความร่วมมือกับกัมพูชา",
                    "Cooperation with Cambodia", countries=["KH", "CN"], topics=["online-scams"])
    outdated[1]["front"]["translation_outdated"] = True  # an English-only field (check's rule)
    return releases + outdated


@pytest.fixture(scope="session")
def tiny_site(tmp_path_factory):
    """The output folder of the tiny site (built once)."""
    return build_site(tmp_path_factory.mktemp("tiny"), tiny_releases())

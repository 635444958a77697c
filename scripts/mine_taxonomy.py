"""Mine a folder of raw releases for taxonomy gaps (prints a report; writes nothing).

    python scripts/mine_taxonomy.py ../shared/corpus/ontopic [--show-untagged 20]

Reports how many releases each term tags, releases left without a topic or country, the most
frequent Latin acronyms, titled personal names, ``กระทรวง…``/``สำนักงาน…`` organisations and meeting
names ("การประชุม… ครั้งที่ N") that the taxonomy does not know yet, and unknown meeting sessions.
Use it to decide what to add to ``content/taxonomy/*.yaml``; it never copies corpus text into the
repository.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

from briefing.convert.dates import dates
from briefing.convert.normalise import normalise
from briefing.convert.parse import parse
from briefing.convert.reader import read_release
from briefing.convert.romanise import NAME_RE
from briefing.convert.tag import compile_matcher, tag
from briefing.model import ReleaseError, release_text
from briefing.taxonomy import KINDS, load_taxonomy
from briefing.taxonomy.matcher import latin_key

ACRONYM_RE = re.compile(r"\b[A-Z][A-Z0-9]{1,}(?:[-–][A-Z0-9]+)*\b")
ORG_RE = re.compile(r"(?:กระทรวง|สำนักงาน|กรม|ศูนย์|คณะกรรมการ|สถาบัน)[ก-๙]{4,40}")
MEETING_RE = re.compile(r"การประชุม[ก-๙A-Za-z ]{6,80}? ครั้งที่ \d+")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="folder of raw .txt releases")
    parser.add_argument("--taxonomy", type=Path, default=Path("content/taxonomy"))
    parser.add_argument("--top", type=int, default=25, help="rows per list")
    parser.add_argument("--show-untagged", type=int, default=10, help="untagged files to list")
    args = parser.parse_args(argv)
    tax = load_taxonomy(args.taxonomy)
    matcher = compile_matcher(tax)
    known_latin = {latin_key(a) for t in tax for v in t.aliases.values() for a in v}
    known_latin |= {latin_key(s) for t in tax for s in t.short.values()}
    counts = {kind: Counter() for kind in KINDS}
    acronyms, names, orgs, meeting_names, unknown = Counter(), Counter(), Counter(), Counter(), []
    no_topic, no_country, total, refused = [], [], 0, 0
    for path in sorted(args.folder.glob("*.txt")):
        try:
            release = tag(dates(parse(normalise(read_release(path, path.parent)))), matcher)
        except ReleaseError:
            refused += 1
            continue
        total += 1
        text = release_text(release)
        for kind in ("countries", "topics", "organisations", "people"):
            counts[kind].update(getattr(release, kind))
        counts["meetings"].update(m.id for m in release.meetings)
        unknown += [f"{m.id} ({path.name})" for m in release.meetings if not m.known]
        if not release.topics:
            no_topic.append(f"{path.name}: {release.title[:70]}")
        if not release.countries:
            no_country.append(path.name)
        acronyms.update({a for a in ACRONYM_RE.findall(text) if latin_key(a) not in known_latin})
        names.update({f"{m.group(2)} {m.group(3)}" for m in NAME_RE.finditer(text)})
        orgs.update(set(ORG_RE.findall(text)))
        meeting_names.update(set(MEETING_RE.findall(text)))
    print(f"{total} releases tagged, {refused} refused")
    for kind in KINDS:
        unused = [t for t in tax.terms(kind) if kind != "meetings" and not counts[kind][t]]
        print(f"\n## {kind}: {len(counts[kind])} used; unused: {', '.join(unused) or '-'}")
        print("  " + ", ".join(f"{k} {n}" for k, n in counts[kind].most_common(args.top)))
    print(f"\n## {len(no_topic)} releases without a topic")
    print("\n".join("  " + line for line in no_topic[: args.show_untagged]))
    print(f"\n## {len(no_country)} releases without a country: {', '.join(no_country[:10])}")
    print(f"\n## unknown sessions: {', '.join(unknown[: args.top]) or '-'}")
    for title, counter in (
        ("Latin acronyms not in the taxonomy", acronyms),
        ("titled names (releases)", names),
        ("organisation-like phrases (releases)", orgs),
        ("numbered meeting names (releases)", meeting_names),
    ):
        print(f"\n## {title}")
        print("  " + "\n  ".join(f"{n:4} {k}" for k, n in counter.most_common(args.top)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

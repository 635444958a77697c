"""The converter against hostile files and a hostile disk (issue 20, cases 7, 8, 11, 12):
FIFOs, devices, sparse giants, symlinks out of the project, UTF-16, unreadable or unwritable
outputs, a bad taxonomy, impossible dates in existing releases, slugs shared by two file names.
Each is one line naming the file and the reason, with its own exit status; the rest converts."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from converter_support import FIXTURES, TAXONOMY

from briefing.cli import EXIT_IO, EXIT_OK, EXIT_REFUSED, EXIT_TAXONOMY, EXIT_USAGE, main
from briefing.convert.reader import MAX_BYTES, read_release
from briefing.model import ReleaseError

REPO = Path(__file__).resolve().parents[2]


def convert(*args: str, jobs: str = "1") -> int:
    return main(["convert", *args, "--taxonomy", str(TAXONOMY), "--jobs", jobs])


def refusal(path: Path, root: Path) -> str:
    with pytest.raises(ReleaseError) as caught:
        read_release(path, root)
    return caught.value.reason


def test_a_fifo_named_txt_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("reading the FIFO blocked"))
    signal.alarm(20)
    try:
        assert refusal(fifo, tmp_path) == "not a release file: a FIFO (named pipe)"
    finally:
        signal.alarm(0)


def test_a_symlink_out_of_the_project_is_refused(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    assert refusal(tmp_path / "zero.txt", tmp_path) == \
        "a symbolic link to /dev/zero, outside the project"
    inside = tmp_path / "real.txt"
    shutil.copy(FIXTURES / "no-source-url-subtitle.txt", inside)
    (tmp_path / "link.txt").symlink_to(inside)
    assert read_release(tmp_path / "link.txt", tmp_path).text


def test_a_folder_named_txt_and_a_device_are_refused(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    assert refusal(tmp_path / "dir.txt", tmp_path) == "not a release file: a folder"
    assert refusal(Path("/dev/null"), Path("/")) == "not a release file: a character device"


def test_a_sparse_giant_is_refused_before_it_is_read(tmp_path):
    """4 GB of holes under a 600 MB address-space limit: refused from its size, never read."""
    giant = tmp_path / "giant.txt"
    with open(giant, "wb") as handle:
        handle.truncate(4 * 1024**3)
    code = textwrap.dedent(f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (600 * 1024**2, 600 * 1024**2))
        from pathlib import Path
        from briefing.convert.reader import read_release
        from briefing.model import ReleaseError
        try:
            read_release(Path({str(giant)!r}), Path({str(tmp_path)!r}))
        except ReleaseError as exc:
            print(exc.reason)
    """)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, timeout=120)
    assert run.stdout.strip() == (f"too large (4,294,967,296 bytes; a release is under "
                                  f"{MAX_BYTES:,})"), run.stderr


@pytest.mark.parametrize("bom, codec", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_utf16_is_named_not_called_binary(tmp_path, bom, codec):
    text = (FIXTURES / "no-source-url-subtitle.txt").read_text(encoding="utf-8")
    (tmp_path / "u.txt").write_bytes(bom + text.encode(codec))
    assert refusal(tmp_path / "u.txt", tmp_path) == \
        "UTF-16 text, not UTF-8 (save the file as UTF-8)"


def test_two_file_names_giving_one_slug_say_so(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    seed = (FIXTURES / "no-source-url-subtitle.txt").read_text(encoding="utf-8")
    (src / "no-source-url-subtitle.txt").write_text(seed, encoding="utf-8")
    (src / "No Source URL subtitle.txt").write_text(seed + "\nอีกย่อหน้าหนึ่ง\n", encoding="utf-8")
    assert convert(str(src), "--out", str(tmp_path / "out"), "--quiet") == EXIT_REFUSED
    out = capsys.readouterr().out
    assert "duplicate of" in out and "same slug 2024-09-03-no-source-url-subtitle" in out
    assert "rename one file" in out and "same date and source URL" not in out


def test_out_naming_a_file_is_a_usage_error(tmp_path, sources, capsys):
    (tmp_path / "out").write_text("x")
    assert convert(str(sources), "--out", str(tmp_path / "out")) == EXIT_USAGE
    assert capsys.readouterr().err.strip() == f"error: --out must be a folder; " \
                                              f"{tmp_path / 'out'} is a file"


def test_a_bad_taxonomy_is_one_line_with_its_own_status(tmp_path, sources, capsys):
    tax = tmp_path / "taxonomy"
    shutil.copytree(TAXONOMY, tax)
    (tax / "topics.yaml").write_text("- id: Bad Id\n  name: {th: ก, en: A}\n", encoding="utf-8")
    code = main(["convert", str(sources), "--out", str(tmp_path / "out"), "--taxonomy", str(tax),
                 "--jobs", "2"])
    err = capsys.readouterr().err
    assert code == EXIT_TAXONOMY
    assert err.strip() == f"error: {tax.as_posix()}/topics.yaml:1: bad id 'Bad Id': use [a-z0-9-]"


def test_an_unreadable_output_fails_alone(tmp_path, sources, capsys):
    out = tmp_path / "out"
    assert convert(str(sources), "--out", str(out), "--quiet") == EXIT_OK
    victim = sorted((out / "en").glob("*.md"))[0]
    victim.write_bytes(b"---\ntitle: \xe9t\xe9\n---\n")  # Latin-1, not UTF-8
    for seed in sources.iterdir():
        seed.write_text(seed.read_text(encoding="utf-8") + "\nย่อหน้าใหม่\n", encoding="utf-8")
    capsys.readouterr()
    assert convert(str(sources), "--out", str(out), "--quiet") == EXIT_IO
    printed = capsys.readouterr().out
    assert f"failed: {victim.as_posix()}: cannot read: not UTF-8" in printed
    assert "4 updated" in printed and "1 failed" in printed


def test_an_output_folder_that_cannot_be_written_fails_each_file(tmp_path, sources, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "en").write_text("a file where the English folder should be")
    assert convert(str(sources), "--out", str(out), "--quiet") == EXIT_IO
    printed = capsys.readouterr().out
    assert printed.count("failed: ") == 5 and "cannot write:" in printed
    assert not list((out / "th").glob("*.md"))  # never one language alone


def test_a_full_disk_names_the_files_and_goes_on(tmp_path, sources):
    """RLIMIT_FSIZE makes every write past 12 KB fail as a full disk would (EFBIG for ENOSPC),
    set once the matcher is compiled: the two releases with longer Thai pages fail, with
    neither of their files written, and the three others are converted."""
    code = textwrap.dedent(f"""
        import resource, signal, sys
        from pathlib import Path
        from briefing.cli import main
        from briefing.convert.pipeline import load_matcher
        load_matcher(Path({str(TAXONOMY)!r}))  # compiled (its dictionary file written) first
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (12000, 12000))
        sys.exit(main(["convert", {str(sources)!r}, "--out", {str(tmp_path / "o")!r},
                       "--taxonomy", {str(TAXONOMY)!r}, "--jobs", "1", "--quiet"]))
    """)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, timeout=300)
    assert run.returncode == EXIT_IO, run.stdout + run.stderr
    assert "Traceback" not in run.stderr
    assert run.stdout.count("cannot write: File too large") == 2, run.stdout
    assert "3 converted" in run.stdout and "2 failed" in run.stdout
    assert not list((tmp_path / "o").rglob(".*.tmp"))
    th, en = ({p.name for p in (tmp_path / "o" / lang).glob("*.md")} for lang in ("th", "en"))
    assert th == en and len(th) == 3


def test_an_impossible_date_in_an_existing_release_does_not_crash(tmp_path, sources, capsys):
    out = tmp_path / "out"
    assert convert(str(sources), "--out", str(out), "--quiet") == EXIT_OK
    page = sorted((out / "th").glob("*.md"))[0]
    text = page.read_text(encoding="utf-8")
    date_line = next(line for line in text.splitlines() if line.startswith("date: "))
    page.write_text(text.replace(date_line, "date: 2024-02-30"), encoding="utf-8")
    assert convert(str(sources), "--out", str(out), "--quiet") == EXIT_OK
    assert "0 refused, 0 conflicts" in capsys.readouterr().out.splitlines()[-1]
    assert "date: '2024-02-30'" in page.read_text(encoding="utf-8")  # the editor's, kept


def test_an_existing_release_saved_with_a_bom_is_still_updated(tmp_path, sources, capsys):
    """An editor's tool that adds a UTF-8 byte-order mark must not freeze the release."""
    out = tmp_path / "out"
    assert convert(str(sources), "--out", str(out), "--quiet") == EXIT_OK
    page = sorted((out / "th").glob("*.md"))[0]
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes().replace(b"\n", b"\r\n"))
    for seed in sources.iterdir():
        seed.write_text(seed.read_text(encoding="utf-8") + "\nย่อหน้าใหม่\n", encoding="utf-8")
    capsys.readouterr()
    assert convert(str(sources), "--out", str(out), "--quiet") == EXIT_OK
    printed = capsys.readouterr().out
    assert "5 updated" in printed and "0 conflicts" in printed
    assert "ย่อหน้าใหม่" in page.read_text(encoding="utf-8")


def test_facts_follow_tags_removed_by_hand(tmp_path, sources):
    """An editor removes a country from both pages: the English Facts stop listing it on the
    next conversion (and stay put on the one after)."""
    from briefing.frontmatter import dump_markdown, load_markdown

    out = tmp_path / "out"
    assert convert(str(sources), "--out", str(out), "--quiet") == EXIT_OK
    pages = {lang: out / lang / "2024-03-24-80784.md" for lang in ("th", "en")}
    assert "Cambodia; Thailand" in pages["en"].read_text(encoding="utf-8")
    for page in pages.values():
        meta, body = load_markdown(page.read_text(encoding="utf-8"))
        meta["countries"] = [c for c in meta["countries"] if c != "KH"]
        page.write_text(dump_markdown(meta, body), encoding="utf-8")
    assert convert(str(sources), "--out", str(out), "--quiet") == EXIT_OK
    english = pages["en"].read_text(encoding="utf-8")
    facts = next(line for line in english.splitlines() if line.startswith("- **Countries:**"))
    assert "Cambodia" not in facts and "Thailand" in facts
    assert "countries:\n- TH\n" in english  # the editor's front matter, kept
    before = {lang: page.read_bytes() for lang, page in pages.items()}
    assert convert(str(sources), "--out", str(out), "--quiet") == EXIT_OK
    assert {lang: page.read_bytes() for lang, page in pages.items()} == before


def test_help_documents_every_exit_status(capsys):
    assert main(["convert", "--help"]) == EXIT_OK
    text = " ".join(capsys.readouterr().out.split())
    for status, meaning in ((EXIT_TAXONOMY, "the taxonomy is invalid"),
                            (EXIT_IO, "an output file could not be read"),
                            (EXIT_USAGE, "--out naming a file"), (EXIT_REFUSED, "UTF-16")):
        assert f" {status} " in text and meaning in text

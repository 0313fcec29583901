"""Batch mode: directories in, one output per page, a manifest, and nothing lost."""

from __future__ import annotations

import gzip
import json
import os
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from boilerstrip.batch import BatchOptions, run_batch, worker
from boilerstrip.batch.plan import MANIFEST_NAME, plan_outputs
from boilerstrip.batch.walk import collect
from boilerstrip.cli import main
from boilerstrip.errors import UsageError

_REAL_PROCESS_PAGE = worker.process_page

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def news_page(n: int) -> str:
    """A small news page: navigation, a headline, a byline, four paragraphs, a footer."""
    paragraphs = "\n".join(
        f"<p>Paragraph {k} of story {n}: the city council met on Tuesday evening and argued "
        f"for hours about the new bridge, its cost of {n * 7 + k} million and the years of "
        f"traffic it would bring to the old harbour district before it opens.</p>"
        for k in range(1, 5)
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Story {n} - The Daily Example</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Council argues over bridge, story {n}</h1>
<p class="byline">By Jane Reporter</p>
{paragraphs}
</article>
<footer><p>Copyright 2024 The Daily Example. All rights reserved.</p></footer>
</body></html>
"""


def hanging_page(task: worker.Task) -> worker.PageResult:
    """The real page function, except that a page named like ``*hang*`` never finishes
    and one named like ``*crash*`` kills its worker process."""
    name = os.path.basename(task.source)
    if "hang" in name:
        time.sleep(60)
    if "crash" in name:
        os.kill(os.getpid(), signal.SIGKILL)
    return _REAL_PROCESS_PAGE(task)


def make_tree(root: Path, pages: int = 4) -> list[str]:
    """``pages`` good pages, some in a subdirectory and one gzipped; their relative paths."""
    names = []
    for n in range(pages):
        rel = f"sub/story{n}.html" if n % 2 else f"story{n}.html"
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(news_page(n), encoding="utf-8")
        names.append(rel)
    (root / "zipped.html.gz").write_bytes(gzip.compress(news_page(99).encode()))
    names.append("zipped.html.gz")
    (root / "notes.txt").write_text("not picked up by the default globs")
    return names


def manifest(out: Path) -> list[dict[str, object]]:
    lines = (out / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def tree_bytes(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


# -- walking and planning -----------------------------------------------------------------


def test_walk_default_globs_sorted_and_symlinks(tmp_path: Path) -> None:
    root = tmp_path / "in"
    make_tree(root)
    outside = tmp_path / "outside.html"
    outside.write_text(news_page(7))
    (root / "escape.html").symlink_to(outside)
    (root / "inner-link.html").symlink_to(root / "story0.html")
    (root / "linked-dir").symlink_to(tmp_path, target_is_directory=True)
    found = collect([str(root)])
    rels = [os.path.relpath(i.path, root) for i in found]
    assert rels == sorted(rels, key=lambda r: Path(r).parts)
    assert "notes.txt" not in rels and "zipped.html.gz" in rels
    assert not any(r.startswith("linked-dir") for r in rels)
    problems = {os.path.basename(i.path): i.problem for i in found}
    assert "outside the input tree" in (problems["escape.html"] or "")
    assert problems["inner-link.html"] is None


def test_walk_glob_override_files_and_patterns(tmp_path: Path) -> None:
    root = tmp_path / "in"
    make_tree(root)
    assert [os.path.basename(i.path) for i in collect([str(root)], globs=["*.txt"])] == ["notes.txt"]
    mixed = collect([str(root / "notes.txt"), str(root / "sub" / "*.html")])
    assert [os.path.basename(i.path) for i in mixed] == ["notes.txt", "story1.html", "story3.html"]
    with pytest.raises(UsageError):
        collect([str(root / "missing.html")])
    with pytest.raises(UsageError):
        collect([str(root / "*.nothing")])


def test_plan_extensions_and_collisions(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for name in ("a.html", "a.htm", "b.html.gz"):
        (root / name).write_text("x")
    outs = plan_outputs(collect([str(root)]), tmp_path / "out", "markdown")
    assert outs == ["a.md", "a.html.md", "b.md"]


def test_plan_refuses_out_inside_or_equal_to_input(tmp_path: Path) -> None:
    root = tmp_path / "in"
    make_tree(root)
    for out in (root, root / "out", root / "sub"):
        with pytest.raises(UsageError, match="inside the input directory"):
            plan_outputs(collect([str(root)]), out, "text")
    page = root / "story0.html"
    with pytest.raises(UsageError):
        plan_outputs(collect([str(page), str(root / "sub" / "story1.html")]), root, "html")


# -- the batch ------------------------------------------------------------------------------


def test_bad_pages_are_recorded_and_the_rest_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "in"
    good = make_tree(root)
    (root / "corrupt.html.gz").write_bytes(b"\x1f\x8b\x08\x00garbage that does not inflate")
    (root / "binary.html").write_bytes(PNG)
    (root / "unreadable.html").symlink_to(tmp_path / "gone.html")  # root reads anything: a broken link
    os.mkfifo(root / "fifo.html")
    (root / "hang.html").write_text(news_page(50))
    (root / "crash.html").write_text(news_page(52))
    if os.geteuid() != 0:
        locked = root / "locked.html"
        locked.write_text(news_page(51))
        locked.chmod(0)
    monkeypatch.setattr(worker, "process_page", hanging_page)
    out = tmp_path / "out"
    started = time.monotonic()
    result = CliRunner().invoke(main, [str(root), "-o", str(out), "-j", "2", "--timeout", "1"])
    assert result.exit_code == 1, result.output
    assert time.monotonic() - started < 20
    records = {Path(r["path"]).name: r for r in manifest(out)}
    for rel in good:
        name = Path(rel).name
        assert records[name]["status"] == "ok", records[name]
        output = out / records[name]["output"]  # type: ignore[operator]
        assert "Council argues over bridge" in output.read_text(encoding="utf-8")
    assert records["corrupt.html.gz"]["status"] == "error"
    assert "decompress" in records["corrupt.html.gz"]["error"]  # type: ignore[operator]
    assert records["binary.html"]["status"] == "error"
    assert "PNG" in records["binary.html"]["error"]  # type: ignore[operator]
    assert records["unreadable.html"]["status"] == "error"
    assert records["fifo.html"]["status"] == "error"
    assert records["hang.html"]["status"] == "timeout"
    assert records["crash.html"]["status"] == "error"
    assert "worker process died" in records["crash.html"]["error"]  # type: ignore[operator]
    if "locked.html" in records:
        assert records["locked.html"]["status"] == "error"
    for record in records.values():
        assert (record["output"] is None) == (record["status"] != "ok")
    assert not list(out.rglob("*.tmp"))
    assert "timeout" in result.output and "ok" in result.output  # the summary line


def test_manifest_fields_and_exit_code_zero(tmp_path: Path) -> None:
    root = tmp_path / "in"
    make_tree(root, pages=2)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [str(root), "-o", str(out), "-f", "json", "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    records = manifest(out)
    assert [r["path"] for r in records] == [
        str(root / "story0.html"), str(root / "sub" / "story1.html"), str(root / "zipped.html.gz")
    ]
    first = records[0]
    assert list(first) == [
        "path", "output", "status", "encoding", "chars_kept", "chars_dropped", "cleaners", "error"
    ]
    assert first["output"] == "story0.json" and first["encoding"] == "utf-8"
    assert isinstance(first["chars_kept"], int) and first["chars_kept"] > 0
    assert isinstance(first["cleaners"], dict)
    article = json.loads((out / "story0.json").read_text(encoding="utf-8"))
    assert article["title"].startswith("Story 0")


def test_output_identical_for_one_and_two_jobs(tmp_path: Path) -> None:
    root = tmp_path / "in"
    make_tree(root, pages=6)
    (root / "binary.html").write_bytes(PNG)
    runner = CliRunner()
    one = runner.invoke(main, [str(root), "-o", str(tmp_path / "one"), "-j", "1", "-q"])
    two = runner.invoke(main, [str(root), "-o", str(tmp_path / "two"), "-j", "2", "-q"])
    assert one.exit_code == two.exit_code == 1, one.output + two.output
    assert tree_bytes(tmp_path / "one") == tree_bytes(tmp_path / "two")
    s1 = runner.invoke(main, [str(root), "-f", "jsonl", "-j", "1", "-q"])
    s2 = runner.invoke(main, [str(root), "-f", "jsonl", "-j", "2", "-q"])
    assert s1.output == s2.output
    lines = [json.loads(line) for line in s1.output.splitlines()]
    assert [Path(str(x["source"])).name for x in lines] == [
        "binary.html", "story0.html", "story2.html", "story4.html",
        "story1.html", "story3.html", "story5.html", "zipped.html.gz",
    ]
    assert lines[0]["status"] == "error" and lines[1]["status"] == "ok"


class _InterruptAfter:
    """A progress reporter that presses Ctrl-C after ``n`` pages."""

    def __init__(self, n: int) -> None:
        self.n = n

    def start(self, total: int) -> None:
        pass

    def advance(self, status: str) -> None:
        self.n -= 1
        if self.n == 0:
            raise KeyboardInterrupt

    def finish(self) -> None:
        pass


def test_interrupted_then_resumed_equals_uninterrupted(tmp_path: Path) -> None:
    root = tmp_path / "in"
    make_tree(root, pages=40)  # many pages: an interrupt after 3 leaves most of them undone
    total = 41
    full, part = tmp_path / "full", tmp_path / "part"
    assert run_batch([str(root)], full, batch=BatchOptions(jobs=1)).exit_code == 0
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(root)], part, batch=BatchOptions(jobs=2), reporter=_InterruptAfter(3))
    written = [p for p in part.rglob("*.txt")]
    # finished pages are written even after the interrupt: with 40 pages there are always
    # pages that had not finished (a handful of pages would all be done first on a fast machine)
    assert 3 <= len(written) < total
    assert not list(part.rglob("*.tmp"))
    halfway = manifest(part)  # every line whole, in input order
    order = [r["path"] for r in manifest(full)]
    assert [r["path"] for r in halfway] == [p for p in order if p in {r["path"] for r in halfway}]
    resumed = run_batch([str(root)], part, batch=BatchOptions(jobs=1, resume=True))
    assert resumed.exit_code == 0
    assert resumed.counts["skipped"] >= 3
    statuses = [r["status"] for r in manifest(part)]
    assert set(statuses) == {"ok", "skipped"} and len(statuses) == total
    outputs = {k: v for k, v in tree_bytes(full).items() if k != MANIFEST_NAME}
    assert {k: v for k, v in tree_bytes(part).items() if k != MANIFEST_NAME} == outputs
    skipped = next(r for r in manifest(part) if r["status"] == "skipped")
    assert skipped["encoding"] == "utf-8"  # carried over from the interrupted run's manifest


def test_resume_redoes_a_changed_input(tmp_path: Path) -> None:
    root = tmp_path / "in"
    make_tree(root, pages=2)
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, [str(root), "-o", str(out), "-q", "-j", "1"]).exit_code == 0
    page = root / "story0.html"
    page.write_text(news_page(42))
    later = time.time() + 5
    os.utime(page, (later, later))
    result = runner.invoke(main, [str(root), "-o", str(out), "-q", "--resume"])
    assert result.exit_code == 0, result.output
    statuses = {Path(str(r["path"])).name: r["status"] for r in manifest(out)}
    assert statuses == {"story0.html": "ok", "story1.html": "skipped", "zipped.html.gz": "skipped"}
    assert "story 42" in (out / "story0.txt").read_text(encoding="utf-8")


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path) -> None:
    root = tmp_path / "in"
    make_tree(root, pages=6)
    (root / "a-binary.html").write_bytes(PNG)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [str(root), "-o", str(out), "-j", "1", "--fail-fast"])
    assert result.exit_code == 1, result.output
    assert "first failure" in result.output
    records = manifest(out)
    assert records[0]["status"] == "error"
    assert len(records) < 8


def test_cli_refuses_out_equal_to_input(tmp_path: Path) -> None:
    root = tmp_path / "in"
    make_tree(root, pages=2)
    before = tree_bytes(root)
    runner = CliRunner()
    for out in (root, root / "sub"):
        result = runner.invoke(main, [str(root), "-o", str(out)])
        assert result.exit_code == 2, result.output
        assert "input" in result.output
    assert tree_bytes(root) == before
    result = runner.invoke(main, [str(root)])
    assert result.exit_code == 2 and "-o OUT" in result.output
    result = runner.invoke(main, [str(root), "-f", "jsonl", "--resume"])
    assert result.exit_code == 2


def test_quoted_glob_is_a_batch(tmp_path: Path) -> None:
    root = tmp_path / "in"
    make_tree(root, pages=4)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [str(root / "sub" / "*.html"), "-o", str(out), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.txt")) == ["story1.txt", "story3.txt"]


def test_jsonl_stream_to_a_file(tmp_path: Path) -> None:
    root = tmp_path / "in"
    make_tree(root, pages=3)
    target = tmp_path / "all.jsonl"
    result = CliRunner().invoke(main, [str(root / "story0.html"), str(root / "sub"), "-f", "jsonl",
                                       "-o", str(target), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [Path(str(x["source"])).name for x in lines] == ["story0.html", "story1.html"]
    assert all(x["status"] == "ok" and x["body"] for x in lines)
    assert not list(tmp_path.glob(".all.jsonl.*"))


def test_worker_never_raises() -> None:
    from boilerstrip.options import Options

    task = worker.Task(0, "mem", "text", Options(), data=PNG)
    assert worker.process_page(task).status == "error"
    task = worker.Task(1, "mem", "markdown", Options(), data=news_page(3).encode())
    result = worker.process_page(task)
    assert result.status == "ok" and result.text and result.text.startswith("#")

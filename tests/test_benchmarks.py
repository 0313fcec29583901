"""The benchmark harness: its metric on hand-made cases and its dataset loader (no ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks import datasets, metric, report, runner, worst
from benchmarks.tools import Output, Tool, ToolMissing, html_to_text, page_language

from boilerstrip.article import Drop

TEXT = "The quick brown fox jumps over the lazy dog while the cat sleeps."


def test_identical_texts_score_one() -> None:
    s = metric.score_page(TEXT, TEXT)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_disjoint_texts_score_zero() -> None:
    s = metric.score_page(TEXT, "Completely different words appear in this other sentence here.")
    assert (s.precision, s.recall) == (0.0, 0.0)


def test_punctuation_and_spacing_do_not_matter() -> None:
    s = metric.score_page(
        TEXT, "The quick, brown fox -- jumps over\n\nthe lazy dog; while the cat sleeps"
    )
    assert s.f1 == 1.0


def test_case_matters() -> None:
    assert metric.score_page(TEXT, TEXT.upper()).f1 == 0.0


def test_fewer_than_four_tokens_make_one_shingle() -> None:
    assert metric.shingles("two words") == {("two", "words"): 1}
    assert metric.score_page("two words", "two words").f1 == 1.0
    assert metric.score_page("two words", "two other").f1 == 0.0


def test_shingles_are_a_multiset() -> None:
    assert metric.shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    s = metric.score_page("a b c d a b c d", "a b c d")
    # truth 5 shingles, output 1 shared: tp=1, fn=4 (normalised over 5)
    assert s.precision == 1.0
    assert s.recall == pytest.approx(0.2)


def test_partial_output() -> None:
    truth = "one two three four five six seven eight"  # 5 shingles
    out = "one two three four five"  # 2 shingles, both in truth
    s = metric.score_page(truth, out)
    assert s.precision == 1.0
    assert s.recall == pytest.approx(2 / 5)
    assert (s.tp + s.fp + s.fn) == pytest.approx(1.0)


def test_empty_prediction_counts_for_recall_only() -> None:
    s = metric.score_page(TEXT, "")
    assert not s.has_output and s.has_truth
    assert s.recall == 0.0
    good = metric.score_page(TEXT, TEXT)
    c = metric.score_corpus([s, good])
    assert c.precision == 1.0  # an empty output has no precision to average
    assert c.recall == 0.5
    assert c.f1 == pytest.approx(2 * 0.5 / 1.5)


def test_both_empty_is_left_out() -> None:
    s = metric.score_page("", "")
    assert (s.precision, s.recall) == (1.0, 1.0)
    assert not s.has_output and not s.has_truth
    assert metric.score_corpus([s]).pages == 1


def test_corpus_means_then_f1() -> None:
    a = metric.PageScore(0.5, 0.5, 0.0)  # P 0.5, R 1
    b = metric.PageScore(1.0, 0.0, 0.0)  # P 1, R 1
    c = metric.score_corpus([a, b])
    assert (c.precision, c.recall) == (0.75, 1.0)
    assert c.f1 == pytest.approx(2 * 0.75 / 1.75)


@pytest.mark.parametrize(
    ("truth", "found", "ok"),
    [
        ("Jane Doe", "By Jane Doe", True),
        ("By Jane Doe", "Jane Doe", True),
        ("Jane Doe", "Jane", False),
        ("Jane Doe", None, False),
        ("Jane Doe", "Jane Doe, May 3, 2020", False),
        ("Jane Doe", "Jane Doe jane@example.com", False),
        ("By Nathan Willis\n   March 25, 2015", "Nathan Willis", True),
        ("Laura June Topolsky", "Laura June Topolsky", True),
        ("肖春芳", "作者：肖春芳", True),
    ],
)
def test_byline_matches(truth: str, found: str | None, ok: bool) -> None:
    assert metric.byline_matches(truth, found) is ok


def test_a_truth_byline_of_dates_only_has_no_names() -> None:
    assert metric.name_tokens("April 28, 2019 at 6:01 am Updated April 29, 2019") == []


def test_contains_on_token_boundaries() -> None:
    assert metric.contains("A photo: The Mayor, in 2019.", "the mayor in 2019")
    assert not metric.contains("Themayor", "mayor")
    assert not metric.contains("anything", "  ")


def _mini_dataset(root: Path) -> Path:
    bench = root / "bench"
    ds = bench / "mini"
    (ds / "html").mkdir(parents=True)
    (ds / "expected").mkdir()
    records = [
        {"id": "a", "url": "https://example.com/a", "body": TEXT, "byline": "Jane Doe", "x": 1},
        {"id": "b", "url": None, "body": "Second page body text here.", "title": "B"},
    ]
    (ds / "truth.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8"
    )
    (ds / "html" / "a.html").write_bytes(
        b"<html lang='en'><body><nav>Home</nav><p>" + TEXT.encode() + b"</p></body></html>"
    )
    (ds / "html" / "b.html").write_bytes(
        "<p>Second page body text here. \xe9</p>".encode("latin-1")
    )
    (ds / "expected" / "a.html").write_text(
        "<div><p>x</p><figure><figcaption> A  caption </figcaption></figure>"
        "<figcaption>A caption</figcaption></div>",
        encoding="utf-8",
    )
    return bench


def test_loader_reads_truth_and_bytes(tmp_path: Path) -> None:
    bench = _mini_dataset(tmp_path)
    assert datasets.available(bench) == ["mini"]
    ds = datasets.load("mini", bench)
    assert [p.id for p in ds] == ["a", "b"]
    a, b = ds.pages
    assert a.url == "https://example.com/a" and a.byline == "Jane Doe" and a.extra == {"x": 1}
    assert b.title == "B" and b.expected_path is None
    assert b.html.endswith(b"\xe9</p>")  # bytes as stored, never re-encoded
    assert datasets.figcaptions(a) == ["A caption", "A caption"]
    assert len(datasets.load("mini", bench, limit=1)) == 1


def test_loader_uses_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _mini_dataset(tmp_path)
    monkeypatch.setenv(datasets.ENV_SHARED, str(tmp_path))
    assert datasets.bench_dir() == tmp_path / "bench"
    assert datasets.available() == ["mini"]


def test_loader_errors(tmp_path: Path) -> None:
    bench = _mini_dataset(tmp_path)
    with pytest.raises(datasets.DatasetError, match="missing"):
        datasets.load("nope", bench)
    (bench / "mini" / "html" / "b.html").unlink()
    with pytest.raises(datasets.DatasetError, match="b.html"):
        datasets.load("mini", bench)
    assert datasets.available(tmp_path / "absent") == []


class _Echo(Tool):
    """A fake tool: the text of every <p>, a fixed byline; fails on pages without <p>."""

    name = "echo"
    dist = "echo-not-installed"
    has_byline = True

    def _load(self) -> None:
        pass

    def extract(self, html: bytes, url: str | None) -> Output:
        if b"<p>" not in html:
            raise ValueError("no paragraph")
        return Output(text=html_to_text(html), byline="By Jane Doe", captions=("A caption",))


class _Missing(Tool):
    name = "missing"

    def _load(self) -> None:
        raise ImportError("No module named 'missing'")


def test_runner_scores_and_reports(tmp_path: Path) -> None:
    ds = datasets.load("mini", _mini_dataset(tmp_path))
    html = [p.html for p in ds.pages]
    run = runner.run_tool(_Echo(), ds, html, progress=lambda _: None)
    assert run.missing is None and run.failed == 0 and len(run.times) == 2
    assert run.results[0].score.recall == 1.0
    assert (run.byline_hits, run.byline_pages) == (1, 1)
    assert (run.caption_hits, run.caption_total) == (1, 1)
    missing = runner.run_tool(_Missing(), ds, html, progress=lambda _: None)
    assert missing.missing is not None and not missing.results
    with pytest.raises(ToolMissing):
        _Missing().load()
    text = report.render([run, missing], [_Echo(), _Missing()], "python -m benchmarks run", None)
    assert "### mini (2 pages)" in text and "not installed" in text
    assert "| echo |" in text
    lines = list(worst.render(run, 1, "lines"))
    assert lines[0].startswith("# echo")


def test_page_language_and_html_to_text() -> None:
    assert page_language(b'<!doctype html><HTML class=x LANG="pt-BR">') == "pt"
    assert page_language(b"<html>") is None
    assert html_to_text("<div><p>One</p><p>Two<br>three</p></div>") == "One\nTwo\nthree"
    assert html_to_text("") == ""


def test_oracle_and_interval() -> None:
    good, bad = metric.score_page(TEXT, TEXT), metric.score_page(TEXT, "")
    assert metric.oracle([[good, bad], [bad, good]]) == [good, good]
    assert metric.f1_interval([good, good, good]) == 0.0
    assert metric.f1_interval([good, bad, good, bad]) > 0.0


def test_tools_take_turns_on_the_same_pages(tmp_path: Path) -> None:
    ds = datasets.load("mini", _mini_dataset(tmp_path))
    html = [p.html for p in ds.pages]
    for interleave in (True, False):
        runs = runner.run_dataset(
            [_Echo(), _Missing(), _Echo()], ds, html, progress=lambda _: None, interleave=interleave
        )
        assert [r.missing is None for r in runs] == [True, False, True]
        assert [[x.page.id for x in r.results] for r in runs] == [["a", "b"], [], ["a", "b"]]


def test_lost_drops_name_the_cleaner() -> None:
    out = Output(
        text="kept words only here",
        drops=(
            Drop("boxes", "link-dense", "/html/body/div", "The quick brown fox jumps over the la…", 40),
            Drop("nav", "menu", "/html/body/nav", "Home News Sport", 15),
        ),
    )
    lost = list(worst.lost_drops(TEXT, out))
    assert lost == ["  boxes: link-dense: The quick brown fox jumps over the la…"]


def test_synthetic_page_has_the_size_asked_and_parses() -> None:
    from benchmarks import speed
    from lxml import html as lxml_html

    data = speed.synthetic_page(["A real paragraph of article prose " * 4], 50_000)
    assert 50_000 <= len(data) < 51_000
    root = lxml_html.document_fromstring(data)
    assert len(root.findall(".//article//p")) > 100


def test_wall_times_reports_failures_without_raising() -> None:
    import sys

    from benchmarks import speed

    rows = speed.wall_times(
        [
            ("ok", [sys.executable, "-c", "pass"], None),
            ("bad", [sys.executable, "-c", "raise SystemExit(3)"], None),
        ],
        runs=1,
    )
    assert rows[0][0] == "ok" and rows[0][1] is not None
    assert rows[1] == ("bad", None, "exit 3: ")
    assert speed.peak_rss_kb() > 0


def test_targets_compare_with_the_reference(tmp_path: Path) -> None:
    ds = datasets.load("mini", _mini_dataset(tmp_path))
    html = [p.html for p in ds.pages]

    class Ours(_Echo):
        name = "boilerstrip"

    class Ref(_Echo):
        name = "trafilatura"

    runs = runner.run_dataset([Ours(), Ref()], ds, html, progress=lambda _: None)
    rows = "\n".join(report.targets_section(runs, None))
    assert "mini: precision and recall ≥ trafilatura's" in rows and "| met |" in rows


def test_memory_target_names_the_parse_floor(tmp_path: Path) -> None:
    from benchmarks import speed

    ds = datasets.load("mini", _mini_dataset(tmp_path))

    class Ours(_Echo):
        name = "boilerstrip"

    runs = runner.run_dataset([Ours()], ds, [p.html for p in ds.pages], progress=lambda _: None)
    page = ds.pages[0].html_path
    sp = speed.SpeedReport()
    speed.memory(sp, ["boilerstrip", "lxml parse"], [("mini/a", page)])  # the floor is a tool of its own
    assert [m["tool"] for m in sp.memory] == ["boilerstrip", "lxml parse"]
    assert all(int(m["peak_kb"]) >= int(m["base_kb"]) > 0 for m in sp.memory), sp.memory
    size = 100 * 1024
    sp.memory = [
        {"tool": "boilerstrip", "page": "p", "size": size, "base_kb": 1000, "peak_kb": 1000 + 20 * size // 1024},
        {"tool": "lxml parse", "page": "p", "size": size, "base_kb": 500, "peak_kb": 500 + 3 * size // 1024},
    ]
    rows = [r for r in report.targets_section(runs, sp) if "peak memory" in r]
    assert len(rows) == 1 and "lxml parse alone: 3.0× page" in rows[0] and "not met" in rows[0], rows


def test_stages_time_every_stage_of_each_page() -> None:
    from benchmarks import stages

    from boilerstrip.registry import default_pipeline

    page = (b"<html><head><title>A story</title></head><body><article><h1>A story</h1>"
            b"<p class='byline'>By Jane Doe</p><p>" + b"Words of the story go here. " * 30 + b"</p>"
            b"</article><footer>(c) 2024 Example</footer></body></html>")
    times = stages.measure([(page, None), (page, "https://example.com/a")])
    names = {c.name for c in default_pipeline().active("html")}
    assert {f"cleaner: {n}" for n in names} <= set(times)
    assert {"decode", "parse", "size table", "metadata: byline", "blocks", "render text"} <= set(times)
    assert all(len(v) == 2 and all(s >= 0 for s in v) for v in times.values())


def test_the_speed_report_gives_boilerstrips_top_stages(tmp_path: Path) -> None:
    from benchmarks import speed

    ds = datasets.load("mini", _mini_dataset(tmp_path))
    sp = speed.SpeedReport()
    speed.stage_costs(sp, [ds])
    assert sp.stage_pages == 2
    named, other = sp.stages[:-1], sp.stages[-1]
    assert len(named) == speed.STAGES_SHOWN and other[0].startswith("the other ")
    assert [ms for _, ms, _ in named] == sorted((ms for _, ms, _ in named), reverse=True)
    assert abs(sum(share for _, _, share in sp.stages) - 1) < 1e-9
    rows = [line for line in report.speed_section(sp) if line.startswith("| ")]
    assert [row.split(" | ")[0][2:] for row in rows[1:]] == [name for name, _, _ in sp.stages]


@pytest.mark.parametrize("tool", ["boilerstrip", "trafilatura"])
def test_the_instruction_counts_child_runs_each_tool_on_the_pages(tool: str, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from benchmarks import instructions

    _mini_dataset(tmp_path)
    child = instructions._CHILD.format(paths=[str(instructions.REPO_ROOT)], n=2, dataset="mini",
                                       setup=instructions._SETUP[tool])
    child += "\nprint(len(pages), run.__module__)"
    env = {**os.environ, datasets.ENV_SHARED: str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", child], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "__main__"]  # every fifth page of the two: the first


def test_the_fixed_cost_child_runs_each_tool_on_the_small_page() -> None:
    import subprocess
    import sys

    from benchmarks import instructions

    for tool in ("boilerstrip", "trafilatura"):
        child = instructions._FIXED_CHILD.format(paths=[str(instructions.REPO_ROOT)], setup=instructions._SETUP[tool],
                                                 warm=1, n=1, page=instructions._SMALL_PAGE)
        child += "\nprint(run.__module__)"
        done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0 and done.stdout.split() == ["__main__"], done.stderr

"""The ``boilerstrip`` command through click's CliRunner: inputs, formats, errors and outputs."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import boilerstrip
from boilerstrip import registry
from boilerstrip.cli import EXIT_CODES, FORMATS, main

PARAGRAPHS = (
    "The city council voted on Tuesday to expand the night bus network to three new districts, officials said.",
    "Residents had asked for later services for years, citing long walks home after evening shifts at the hospital.",
    "The first new routes will start running in March, and the council expects ridership figures by the summer.",
    "Drivers' unions welcomed the plan but warned that the operator must hire at least forty more staff "
    "before the extra night shifts can be covered without cancelling daytime trips.",
)
CAPTION = "The new night bus depot in the north district. Photo: Jane Doe"
PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Council expands the night bus network | Metro Daily</title>'
    "</head><body>"
    '<nav><a href="/">Home</a> <a href="/city">City</a> <a href="/sport">Sport</a></nav>'
    "<article><h1>Council expands the night bus network</h1>"
    '<p class="byline">By Dana Reyes</p><p><time datetime="2024-03-05">March 5, 2024</time></p>'
    f'<figure><img src="depot.jpg" alt=""><figcaption>{CAPTION}</figcaption></figure>'
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + '<div class="share-bar"><a href="#">Share on Facebook</a></div>'
    "<p>© 2024 Metro Daily. All rights reserved.</p>"
    "</article>"
    '<section id="comments"><h2>3 comments</h2><p>Finally! I have waited years for this.</p></section>'
    "</body></html>"
)
BOILERPLATE = ("Share on Facebook", "All rights reserved", "I have waited years", "Sport")
NO_ARTICLE = (
    '<!DOCTYPE html><html><head><title>Menu</title></head><body>'
    '<nav><a href="/">Home</a> <a href="/a">About</a> <a href="/c">Contact</a></nav>'
    "<footer>© 2024 Metro Daily</footer></body></html>"
)




@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def invoke(runner: CliRunner, args: list[str], input: bytes | str | None = None) -> Result:
    return runner.invoke(main, args, input=input, catch_exceptions=False)


def assert_one_line_error(result: Result, code: int, *words: str) -> None:
    assert result.exit_code == code, result.output
    assert result.stdout == "", result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("boilerstrip: ")
    assert "Traceback" not in result.output
    for word in words:
        assert word in lines[0], lines[0]


# -- inputs ----------------------------------------------------------------------------


def test_file_dash_and_pipe_give_the_same_text(runner: CliRunner, page: Path) -> None:
    from_file = invoke(runner, [str(page)])
    assert from_file.exit_code == 0, from_file.output
    dash = invoke(runner, ["-"], input=page.read_bytes())
    assert dash.exit_code == 0, dash.output
    piped = invoke(runner, [], input=page.read_bytes())
    assert piped.exit_code == 0, piped.output
    assert from_file.stdout == dash.stdout == piped.stdout
    assert from_file.stderr == ""


def test_text_output(runner: CliRunner, page: Path) -> None:
    result = invoke(runner, [str(page)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Council expands the night bus network\n")
    assert "Dana Reyes" in out and "March 5, 2024" in out
    for p in PARAGRAPHS:
        assert p in out
    assert CAPTION in out
    for junk in BOILERPLATE:
        assert junk not in out, junk
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_output_matches_the_library(runner: CliRunner, page: Path) -> None:
    result = invoke(runner, [str(page)])
    assert result.exit_code == 0, result.output
    assert result.stdout == boilerstrip.strip(page.read_bytes()).text


def test_gzip_input(runner: CliRunner, page: Path, tmp_path: Path) -> None:
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(page.read_bytes()))
    plain = invoke(runner, [str(page)])
    zipped = invoke(runner, [str(gz)])
    assert zipped.exit_code == 0, zipped.output
    assert zipped.stdout == plain.stdout


def test_gzip_on_stdin(runner: CliRunner, page: Path) -> None:
    result = invoke(runner, ["-"], input=gzip.compress(page.read_bytes()))
    assert result.exit_code == 0, result.output
    assert PARAGRAPHS[0] in result.stdout


def test_legacy_encoding_input(runner: CliRunner, tmp_path: Path) -> None:
    text = (
        '<html lang="ko"><head><meta charset="euc-kr"><title>심야버스 노선 확대</title></head><body><article>'
        "<h1>심야버스 노선 확대</h1><p>시의회는 화요일 본회의를 열고 심야버스 노선을 세 개 구로 확대하는 안건을 "
        "의결했다고 관계자들이 밝혔다.</p><p>새 노선은 3월부터 운행을 시작한다고 설명했다.</p></article></body></html>"
    )
    path = tmp_path / "ko.html"
    path.write_bytes(text.encode("cp949"))
    result = invoke(runner, [str(path)])
    assert result.exit_code == 0, result.output
    assert "심야버스 노선을 세 개 구로 확대하는" in result.stdout


# -- formats ---------------------------------------------------------------------------


def test_every_format_is_accepted(runner: CliRunner, page: Path) -> None:
    assert set(FORMATS) == {"text", "markdown", "json", "html", "jsonl"}
    for fmt in FORMATS:
        result = invoke(runner, [str(page), "-f", fmt])
        assert result.exit_code == 0, (fmt, result.output)
        assert PARAGRAPHS[0] in result.stdout, fmt
        assert "Share on Facebook" not in result.stdout, fmt


def test_markdown_format(runner: CliRunner, page: Path) -> None:
    result = invoke(runner, [str(page), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Council expands the night bus network\n")
    assert f"*{CAPTION}*" in result.stdout or f"_{CAPTION}_" in result.stdout


def test_json_format(runner: CliRunner, page: Path) -> None:
    result = invoke(runner, [str(page), "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in ("title", "byline", "date", "lang", "body", "captions", "text"):
        assert key in data, key
    assert data["title"] == "Council expands the night bus network"
    assert data["byline"] == "Dana Reyes"
    assert data["date"].startswith("2024-03-05")
    assert data["lang"] == "en"
    assert [b["text"] for b in data["body"]] == list(PARAGRAPHS)
    assert all(b["kind"] == "paragraph" for b in data["body"])
    assert data["captions"] == [CAPTION]
    assert "dropped" not in data
    # exactly Article.to_dict()
    assert data == boilerstrip.strip(page.read_bytes()).to_dict()
    assert data["text"] == invoke(runner, [str(page)]).stdout


def test_json_with_explain_adds_dropped(runner: CliRunner, page: Path) -> None:
    result = invoke(runner, [str(page), "-f", "json", "--explain"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["dropped"]
    assert {"cleaner", "reason", "path", "preview", "chars"} <= set(data["dropped"][0])
    cleaners = {d["cleaner"] for d in data["dropped"]}
    assert {"share_buttons", "copyright_notices"} <= cleaners


def test_html_format(runner: CliRunner, page: Path) -> None:
    result = invoke(runner, [str(page), "-f", "html"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in out
    assert "<h1>Council expands the night bus network</h1>" in out
    assert f"<figcaption>{CAPTION}</figcaption>" in out
    assert "<p>The city council voted on Tuesday" in out
    assert "<script" not in out


def test_jsonl_format(runner: CliRunner, page: Path) -> None:
    result = invoke(runner, [str(page), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["source"] == str(page)
    assert {k: v for k, v in data.items() if k != "source"} == boilerstrip.strip(page.read_bytes()).to_dict()


def test_unknown_format_is_a_usage_error(runner: CliRunner, page: Path) -> None:
    result = invoke(runner, [str(page), "-f", "pdf"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


# -- --explain -------------------------------------------------------------------------


def test_explain_goes_to_stderr_only(runner: CliRunner, page: Path) -> None:
    plain = invoke(runner, [str(page)])
    explained = invoke(runner, [str(page), "--explain"])
    assert explained.exit_code == 0, explained.output
    assert explained.stdout == plain.stdout
    err = explained.stderr
    for name in ("share_buttons", "copyright_notices", "byline_date"):
        assert name in err
    assert "Share on Facebook" in err
    assert "Traceback" not in err


def test_explain_with_quiet_prints_nothing(runner: CliRunner, page: Path) -> None:
    result = invoke(runner, [str(page), "--explain", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert PARAGRAPHS[0] in result.stdout


# -- cleaners --------------------------------------------------------------------------


def test_cleaners_lists_every_registered_cleaner(runner: CliRunner) -> None:
    result = invoke(runner, ["cleaners"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    listed = [line.split()[0] for line in lines if line.strip()]
    assert listed == registry.default_pipeline().names()
    for line, cleaner in zip(lines, registry.default_pipeline(), strict=True):
        assert cleaner.kind in line.split()[1]
        assert cleaner.summary[:20] in line


def test_disable_and_only_switch_cleaners(runner: CliRunner, page: Path) -> None:
    result = invoke(runner, [str(page), "--disable", "share_buttons,copyright_notices", "-f", "json",
                             "--explain", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert not {"share_buttons", "copyright_notices"} & {d["cleaner"] for d in data["dropped"]}
    assert "All rights reserved" in data["text"]
    assert PARAGRAPHS[0] in data["text"]
    only = invoke(runner, [str(page), "--only", "comments", "--only", "navigation"])
    assert only.exit_code == 0, only.output
    assert "I have waited years" not in only.stdout
    assert "Share on Facebook" in only.stdout


@pytest.mark.parametrize("flag", ["--disable", "--only"])
def test_unknown_cleaner_exits_2_with_the_valid_names(runner: CliRunner, page: Path, flag: str) -> None:
    result = invoke(runner, [str(page), flag, "nosuch"])
    assert_one_line_error(result, 2, "nosuch")
    for name in registry.default_pipeline().names():
        assert name in result.stderr


def test_unknown_cleaner_is_reported_before_the_input_is_read(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, [str(tmp_path / "missing.html"), "--disable", "nosuch"])
    assert_one_line_error(result, 2, "nosuch")


# -- errors ----------------------------------------------------------------------------


def test_exit_codes_are_documented_in_cli() -> None:
    assert {0, 1, 2, 3, 4, 5, 130} <= set(EXIT_CODES)


def test_empty_input_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    assert_one_line_error(invoke(runner, [str(empty)]), 3)
    assert_one_line_error(invoke(runner, ["-"], input=b""), 3)
    assert_one_line_error(invoke(runner, ["-"], input=b" \n\t \n"), 3)


def test_png_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    png = tmp_path / "photo.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
                    + bytes(range(256)))
    assert_one_line_error(invoke(runner, [str(png)]), 3)


def test_missing_file_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    assert_one_line_error(invoke(runner, [str(missing)]), 3, "nope.html")


def test_page_without_an_article_exits_4(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text(NO_ARTICLE, encoding="utf-8")
    assert_one_line_error(invoke(runner, [str(path)]), 4)


def test_debug_shows_the_exception(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = runner.invoke(main, [str(empty), "--debug"])
    assert isinstance(result.exception, boilerstrip.BoilerstripError)


# -- outputs ---------------------------------------------------------------------------


def test_output_file(runner: CliRunner, page: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    result = invoke(runner, [str(page), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == invoke(runner, [str(page)]).stdout
    # written atomically: no temporary file is left beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt", "page.html"]


def test_output_file_in_a_new_directory(runner: CliRunner, page: Path, tmp_path: Path) -> None:
    out = tmp_path / "clean" / "page.json"
    result = invoke(runner, [str(page), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "Council expands the night bus network"


def test_output_over_the_input_is_refused(runner: CliRunner, page: Path) -> None:
    before = page.read_bytes()
    result = invoke(runner, [str(page), "-o", str(page)])
    assert_one_line_error(result, 2, "overwrite")
    assert page.read_bytes() == before


def test_output_over_the_input_by_another_name_is_refused(runner: CliRunner, page: Path, tmp_path: Path) -> None:
    before = page.read_bytes()
    link = tmp_path / "out.txt"
    os.symlink(page, link)
    result = invoke(runner, [str(page), "-o", str(link)])
    assert_one_line_error(result, 2)
    assert page.read_bytes() == before
    relative = invoke(runner, [str(page), "-o", str(tmp_path / "." / "page.html")])
    assert_one_line_error(relative, 2)
    assert page.read_bytes() == before


def test_output_to_an_existing_directory_is_not_a_traceback(
    runner: CliRunner, page: Path, tmp_path: Path
) -> None:
    outdir = tmp_path / "clean"
    outdir.mkdir()
    result = runner.invoke(main, [str(page), "-o", str(outdir)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code == 0:  # written into the directory
        assert [p.suffix for p in outdir.iterdir()] == [".txt"]
    else:  # or refused in one line
        assert_one_line_error(result, 2)


def test_unwritable_output_is_a_one_line_error(runner: CliRunner, page: Path) -> None:
    result = runner.invoke(main, [str(page), "-o", str(page / "out.txt")])
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("boilerstrip: "), result.stderr


def test_version(runner: CliRunner) -> None:
    result = invoke(runner, ["--version"])
    assert result.exit_code == 0, result.output
    assert boilerstrip.__version__ in result.stdout
    assert "boilerstrip" in result.stdout


def test_help(runner: CliRunner) -> None:
    result = invoke(runner, ["--help"])
    assert result.exit_code == 0, result.output
    assert "cleaners" in result.stdout

"""Data-driven tests over ``fixtures/<site>/``: one test id per site.

Each fixture directory holds

- ``page.html`` (or ``page.txt``, a plain-text dump read with ``input_format="text"``),
- ``expect.json``: ``url``, ``title``, ``byline``, ``date``, ``captions`` and the snippet
  lists ``with`` (must be in the text output), ``without`` (must not be), ``once`` (must be
  there exactly once); optional ``encoding`` (how the page is stored, for the self-check),
- ``expected.txt``: the golden text output, written only by ``pytest --regen-goldens``.

Snippets are compared with whitespace squashed, so line breaks in the output do not matter.
"""

from __future__ import annotations

import difflib
import gzip
import html
import json
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from boilerstrip.article import Article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAGE_NAMES = ("page.html", "page.html.gz", "page.txt")
EXPECT_KEYS = {
    "known_defects",
    "url",
    "title",
    "byline",
    "date",
    "captions",
    "with",
    "without",
    "once",
    "encoding",
    "note",
}
LIST_KEYS = ("captions", "with", "without", "once")
JSON_KEYS = ("title", "byline", "date", "lang", "body", "captions", "text")
_TAG_RE = re.compile(r"<[^>]*>")


def _fixture_dirs() -> list[Path]:
    if not FIXTURES.is_dir():
        return []
    return sorted(
        d for d in FIXTURES.iterdir() if d.is_dir() and any((d / n).exists() for n in PAGE_NAMES)
    )


DIRS = _fixture_dirs()
IDS = [d.name for d in DIRS]


def squash(text: str) -> str:
    """Whitespace runs (NBSP, ideographic space included) to one space; zero-width gone."""
    return " ".join(text.replace("\u200b", "").replace("\ufeff", "").split())


def page_path(fixture: Path) -> Path:
    for name in PAGE_NAMES:
        if (fixture / name).exists():
            return fixture / name
    raise AssertionError(f"{fixture} has no page file")


def page_bytes(fixture: Path) -> bytes:
    path = page_path(fixture)
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def load_expect(fixture: Path) -> dict[str, Any]:
    path = fixture / "expect.json"
    assert path.exists(), f"{fixture.name}: expect.json is missing"
    expect = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(expect, dict), f"{fixture.name}: expect.json must hold an object"
    return expect


def run(fixture: Path) -> Article:
    # Imported here so the fixture self-checks run even while the library does not import.
    import boilerstrip
    from boilerstrip.options import Options

    expect = load_expect(fixture)
    options = Options(input_format="text") if page_path(fixture).name == "page.txt" else None
    return boilerstrip.strip(page_bytes(fixture), url=expect.get("url"), options=options)


@cache
def article_of(name: str) -> Article:
    """The first run of a fixture, shared by the checks that only read it."""
    return run(FIXTURES / name)


def count(snippet: str, text: str) -> int:
    return squash(text).count(squash(snippet))


# --- the fixture itself is well formed (no library needed) -----------------------------


def _source_haystacks(fixture: Path, expect: dict[str, Any]) -> list[str]:
    source = page_bytes(fixture).decode(expect.get("encoding", "utf-8"))
    if page_path(fixture).name == "page.txt":
        return [squash(source)]
    return [
        squash(html.unescape(_TAG_RE.sub("", source))),
        squash(html.unescape(_TAG_RE.sub(" ", source))),
        squash(html.unescape(source)),
    ]


@pytest.mark.parametrize("fixture", DIRS, ids=IDS)
def test_fixture_is_well_formed(fixture: Path) -> None:
    expect = load_expect(fixture)
    unknown = set(expect) - EXPECT_KEYS
    assert not unknown, f"unknown keys in expect.json: {sorted(unknown)}"
    for key in ("url", "title", "date"):
        assert isinstance(expect.get(key), str) and expect[key], f"{key} must be a non-empty string"
    assert re.match(r"^\d{4}-\d{2}-\d{2}", expect["date"]), "date must start with YYYY-MM-DD"
    for key in LIST_KEYS:
        values = expect.get(key, [])
        assert isinstance(values, list), f"{key} must be a list"
        assert all(isinstance(v, str) and squash(v) for v in values), f"{key}: empty snippet"
        assert len(set(map(squash, values))) == len(values), f"{key}: duplicate snippet"
    assert expect["with"] and expect["without"], "with and without must both be non-empty"

    haystacks = _source_haystacks(fixture, expect)
    snippets = [expect["title"], *(s for key in LIST_KEYS for s in expect.get(key, []))]
    missing = [s for s in snippets if not any(squash(s) in h for h in haystacks)]
    assert not missing, f"snippets not found in the page itself: {missing}"

    kept = [*expect["with"], *expect.get("once", []), *expect.get("captions", [])]
    clashes = [(w, k) for w in expect["without"] for k in kept if squash(w) in squash(k)]
    assert not clashes, f"a 'without' snippet is part of a kept snippet: {clashes}"


# --- the library's output ---------------------------------------------------------------


@pytest.mark.parametrize("fixture", DIRS, ids=IDS)
def test_fixture_content(fixture: Path, request: pytest.FixtureRequest) -> None:
    expect = load_expect(fixture)
    if expect.get("known_defects"):
        # a defect written down in expect.json: the test must keep failing until it is fixed
        reason = "; ".join(expect["known_defects"])
        request.applymarker(pytest.mark.xfail(strict=True, reason=reason))
    article = article_of(fixture.name)
    text = article.text
    problems: list[str] = []

    missing = [s for s in expect["with"] if count(s, text) == 0]
    if missing:
        problems.append(f"missing from the text: {missing}")
    leaked = [s for s in expect["without"] if count(s, text) > 0]
    if leaked:
        problems.append(f"boilerplate left in the text: {leaked}")
    once = [*expect.get("once", []), *expect.get("captions", [])]
    wrong = {s: n for s in dict.fromkeys(once) if (n := count(s, text)) != 1}
    if wrong:
        problems.append(f"expected exactly once (snippet: times seen): {wrong}")

    want_captions = [squash(c) for c in expect.get("captions", [])]
    got_captions = [squash(c) for c in article.captions]
    if got_captions != want_captions:
        problems.append(f"captions\n  want {want_captions}\n  got  {got_captions}")
    body = [squash(b.text) for b in article.body]
    in_body = [c for c in want_captions if any(c in b for b in body)]
    if in_body:
        problems.append(f"captions mixed into body blocks: {in_body}")

    if squash(article.title or "") != squash(expect["title"]):
        problems.append(f"title: want {expect['title']!r}, got {article.title!r}")
    if "byline" in expect:
        want = expect["byline"]
        got = article.byline
        if (squash(got) if got else got) != (squash(want) if want else want):
            problems.append(f"byline: want {want!r}, got {got!r}")
    if not (article.date or "").startswith(expect["date"]):
        problems.append(f"date: want {expect['date']!r}…, got {article.date!r}")

    assert not problems, f"{fixture.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("fixture", DIRS, ids=IDS)
def test_fixture_golden(fixture: Path, regen_goldens: bool) -> None:
    golden = fixture / "expected.txt"
    text = article_of(fixture.name).text
    if regen_goldens:
        golden.write_bytes(text.encode("utf-8"))
        return
    if not golden.exists():
        pytest.fail(f"{golden} is missing: run `pytest --regen-goldens` and review the result")
    want = golden.read_bytes().decode("utf-8")
    if text != want:
        diff = difflib.unified_diff(
            want.splitlines(keepends=True),
            text.splitlines(keepends=True),
            fromfile=f"{fixture.name}/expected.txt",
            tofile=f"{fixture.name} (current output)",
        )
        pytest.fail("golden output differs:\n" + "".join(diff), pytrace=False)


@pytest.mark.parametrize("fixture", DIRS, ids=IDS)
def test_fixture_is_deterministic(fixture: Path) -> None:
    first, second = run(fixture), run(fixture)
    assert first.text.encode("utf-8") == second.text.encode("utf-8")
    dump = [json.dumps(a.to_dict(), ensure_ascii=False).encode("utf-8") for a in (first, second)]
    assert dump[0] == dump[1]


@pytest.mark.parametrize("fixture", DIRS, ids=IDS)
def test_fixture_json_keys(fixture: Path) -> None:
    article = article_of(fixture.name)
    out = json.loads(json.dumps(article.to_dict(), ensure_ascii=False))
    missing = [k for k in JSON_KEYS if k not in out]
    assert not missing, f"to_dict() lacks {missing}"
    assert out["text"] == article.text
    assert out["captions"] == list(article.captions)
    assert isinstance(out["body"], list) and out["body"], "body is empty"
    assert all({"kind", "text"} <= set(block) for block in out["body"])
    assert all(block["kind"] != "caption" for block in out["body"])

"""The user_rules cleaner: --keep rescues, --drop removes, site rules name byline, date, captions."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.samples import HARBOUR

from boilerstrip.cli import main
from boilerstrip.core import strip
from boilerstrip.errors import InvalidRules
from boilerstrip.options import Options
from boilerstrip.registry import default_pipeline

_PARAS = HARBOUR

RESCUED = "The mayor said the vote settles a question the city has argued over for twenty years."
PROMO = "Print edition readers save half on a yearly plan with our spring offer this month only."
FACT = "Fact box: the quay was built in 1871 and rebuilt once, in 1923, after a storm."
CAPTION = "The old quay at dawn, seen from the ferry."

PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>Harbour plan approved | Ledger</title>
<link rel="canonical" href="https://news.example.org/2024/harbour-plan">
</head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article>
<h1>Harbour plan approved after long night</h1>
<p class="byline-x">Story by <span class="who">Ann Writer</span></p>
<p class="when">Filed 3 March 2024</p>
<div class="story">
<p>{_PARAS[0]}</p>
<p>{_PARAS[1]}</p>
<p class="related-note">{RESCUED}</p>
<p>{_PARAS[2]}</p>
<div class="promo-strip"><p>{PROMO}</p></div>
<p>{_PARAS[3]}</p>
<div class="pic"><img src="quay.jpg" alt="The quay"><p class="pic-text">{CAPTION}</p></div>
<p>{_PARAS[4]}</p>
<div class="upd">Corrected 5 March 2024</div>
</div>
</article>
<aside class="sidebar"><h2>Most read</h2>
<ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul>
<p class="sidebar-fact">{FACT}</p></aside>
</main>
<footer class="site-footer">Copyright 2024 Ledger</footer>
</body></html>"""

NO_USER = Options(user_rules=False)


def _strip(**opts: object) -> str:
    options = Options.build(user_rules=False, **opts)
    return strip(PAGE, options=options).text


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read the real user's rules file."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


# -- the cleaner -------------------------------------------------------------------


def test_user_rules_runs_first() -> None:
    assert default_pipeline().names()[0] == "user_rules"


def test_without_rules_the_page_is_cut_as_usual() -> None:
    text = _strip()
    assert RESCUED not in text
    assert FACT not in text
    assert PROMO in text


def test_keep_rescues_a_dropped_paragraph() -> None:
    text = _strip(keep=("p.related-note",))
    assert RESCUED in text
    assert _PARAS[4] in text


def test_drop_removes_a_kept_box() -> None:
    article = strip(PAGE, options=Options(user_rules=False, drop=(".promo-strip",)))
    assert PROMO not in article.text
    assert _PARAS[3] in article.text
    [drop] = [d for d in article.dropped if d.cleaner == "user_rules"]
    assert drop.reason == "rule --drop '.promo-strip'"
    assert PROMO[:40] in drop.preview


def test_xpath_selectors() -> None:
    text = _strip(drop=("xpath://div[@class='promo-strip']",), keep=("xpath://p[@class='related-note']",))
    assert PROMO not in text
    assert RESCUED in text


def test_keep_outside_the_article_brings_only_that_element() -> None:
    article = strip(PAGE, options=Options(user_rules=False, keep=("p.sidebar-fact",)))
    assert FACT in article.text
    assert "Other story one" not in article.text
    assert "Most read" not in article.text
    assert _PARAS[0] in article.text
    # the sidebar's other children are recorded as dropped by the sidebar cleaner
    assert any(d.cleaner == "sidebars" and "Most read" in d.preview for d in article.dropped)


def test_keep_wins_over_drop() -> None:
    text = _strip(keep=("p.related-note",), drop=("p.related-note", ".promo-strip"))
    assert RESCUED in text
    assert PROMO not in text


def test_invalid_selector_is_a_typed_error() -> None:
    with pytest.raises(InvalidRules, match=r"--drop: invalid CSS selector 'p\['"):
        strip(PAGE, options=Options(user_rules=False, drop=("p[",)))
    with pytest.raises(InvalidRules, match=r"--keep: invalid XPath"):
        strip(PAGE, options=Options(user_rules=False, keep=("xpath://p[",)))


def test_disable_turns_user_rules_off() -> None:
    text = _strip(drop=(".promo-strip",), disable=("user_rules",))
    assert PROMO in text


# -- site rules --------------------------------------------------------------------

SITE_RULES = """
[sites."example.org"]
keep = ["p.related-note"]
drop = [".promo-strip"]
byline = [".byline-x .who"]
date = [".upd"]
caption = [".pic-text"]
"""


def test_site_rules_apply_by_canonical_domain(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(SITE_RULES, encoding="utf-8")
    article = strip(PAGE, options=Options(user_rules=False, rules_file=str(rules)))
    assert RESCUED in article.text
    assert PROMO not in article.text
    assert article.byline == "Ann Writer"
    assert article.date == "2024-03-05"
    assert CAPTION in article.captions
    assert "Corrected 5 March 2024" not in article.body_text


def test_site_rules_follow_the_url_over_the_canonical_link(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(SITE_RULES, encoding="utf-8")
    options = Options(user_rules=False, rules_file=str(rules))
    other = strip(PAGE, url="https://www.other.example/x", options=options)
    assert PROMO in other.text
    same = strip(PAGE, url="https://www.example.org/x", options=options)
    assert PROMO not in same.text


def test_og_url_names_the_site_when_there_is_no_canonical_link(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(SITE_RULES, encoding="utf-8")
    page = PAGE.replace(
        '<link rel="canonical" href="https://news.example.org/2024/harbour-plan">',
        '<meta property="og:url" content="https://example.org/2024/harbour-plan">',
    )
    article = strip(page, options=Options(user_rules=False, rules_file=str(rules)))
    assert PROMO not in article.text


def test_user_rules_file_is_read_from_the_config_dir(tmp_path: Path) -> None:
    config = tmp_path / "config" / "boilerstrip"
    config.mkdir(parents=True)
    (config / "rules.toml").write_text('[sites."*"]\ndrop = [".promo-strip"]\n', encoding="utf-8")
    assert PROMO not in strip(PAGE).text
    assert PROMO in strip(PAGE, options=NO_USER).text


def test_rules_show_in_explain_output(tmp_path: Path) -> None:
    article = strip(PAGE, options=Options(user_rules=False, drop=(".promo-strip",)))
    assert article.cleaner_counts()["user_rules"] == 1
    assert any(d["cleaner"] == "user_rules" for d in article.to_dict(dropped=True)["dropped"])


# -- the command line --------------------------------------------------------------


def _run(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, [str(page), "--no-user-rules", *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_keep_and_drop(tmp_path: Path) -> None:
    code, out, err = _run(tmp_path, "--keep", "p.related-note", "--drop", ".promo-strip",
                          "--drop", "p.pic-text")
    assert code == 0, err
    assert RESCUED in out
    assert PROMO not in out
    assert CAPTION not in out


def test_cli_rules_file(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(SITE_RULES, encoding="utf-8")
    code, out, err = _run(tmp_path, "--rules", str(rules), "--explain")
    assert code == 0, err
    assert RESCUED in out
    assert PROMO not in out
    assert "user_rules" in err


def test_cli_bad_selector_exits_2(tmp_path: Path) -> None:
    code, out, err = _run(tmp_path, "--drop", "div[")
    assert code == 2, out
    assert "--drop" in err and "div[" in err


def test_cli_missing_rules_file_exits_2(tmp_path: Path) -> None:
    code, out, err = _run(tmp_path, "--rules", str(tmp_path / "nope.toml"))
    assert code == 2, out
    assert "nope.toml" in err


def test_cli_no_user_rules_skips_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "config" / "boilerstrip"
    config.mkdir(parents=True)
    (config / "rules.toml").write_text('[sites."*"]\ndrop = [".promo-strip"]\n', encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    with_user = CliRunner().invoke(main, [str(page)])
    assert with_user.exit_code == 0, with_user.stderr
    assert PROMO not in with_user.stdout
    without = CliRunner().invoke(main, [str(page), "--no-user-rules"])
    assert without.exit_code == 0, without.stderr
    assert PROMO in without.stdout


def test_cli_bad_rules_stop_a_batch_before_it_starts(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(PAGE, encoding="utf-8")
    (pages / "b.html").write_text(PAGE, encoding="utf-8")
    rules = tmp_path / "rules.toml"
    rules.write_text('[sites."example.org"]\ndrop = ["p[["]\n', encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [str(pages), "-o", str(out), "--rules", str(rules)])
    assert result.exit_code == 2, result.output
    assert "rules.toml: site 'example.org', key 'drop'" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_cli_rules_apply_in_a_batch(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, [str(pages), "-o", str(out), "--no-user-rules", "--drop", ".promo-strip", "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    [written] = [p for p in out.rglob("a*") if p.is_file()]
    text = written.read_text(encoding="utf-8")
    assert _PARAS[0] in text
    assert PROMO not in text

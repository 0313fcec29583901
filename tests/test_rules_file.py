"""Rules files: TOML by site, validation naming file, site and key, `rules check`, user config dir."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from boilerstrip.cli import main
from boilerstrip.errors import InvalidRules
from boilerstrip.options import Options
from boilerstrip.rules import (
    host_of,
    load_rules,
    parse_rules,
    rules_for,
    user_rules_path,
)

GOOD = """
[sites."example.com"]
drop = [".promo", "xpath://div[@data-ad]"]
keep = "p.note"

[sites."news.example.com"]
byline = [".author"]
date = ["time.published"]
caption = [".photo-line"]

[sites."www.other.example"]
drop = ["aside"]

[sites."*"]
drop = [".cookie-wall"]
"""


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def _write(tmp_path: Path, text: str, name: str = "rules.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# -- parsing and matching ----------------------------------------------------------


def test_good_file_parses() -> None:
    rules = parse_rules(GOOD, path="good.toml")
    names = [s.site for s in rules.sites]
    assert names == ["example.com", "news.example.com", "other.example", "*"]
    first = rules.sites[0]
    assert [s.text for s in first.drop] == [".promo", "xpath://div[@data-ad]"]
    assert [s.text for s in first.keep] == ["p.note"]  # a single string is one selector


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("example.com", ["*", "example.com"]),
        ("news.example.com", ["*", "example.com", "news.example.com"]),
        ("a.news.example.com", ["*", "example.com", "news.example.com"]),
        ("notexample.com", ["*"]),
        ("other.example", ["*", "other.example"]),
        ("shop.other.example", ["*", "other.example"]),
        (None, ["*"]),
    ],
)
def test_sites_match_their_subdomains(host: str | None, expected: list[str]) -> None:
    rules = parse_rules(GOOD, path="good.toml")
    assert [s.site for s in rules.for_host(host)] == expected


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.Example.com/a/b", "example.com"),
        ("http://news.example.com:8080/x", "news.example.com"),
        ("/relative/path", None),
        ("", None),
        (None, None),
        ("http://[::1", None),
        ("example.com/a/1", "example.com"),
        ("https://例え.jp/記事", "xn--r8jz45g.jp"),
        ("https://WWW.xn--r8jz45g.jp/", "xn--r8jz45g.jp"),
    ],
)
def test_host_of(url: str | None, host: str | None) -> None:
    assert host_of(url) == host


def test_rules_for_merges_files_and_options(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    rules = rules_for(
        Options(rules_file=path, user_rules=False, drop=(".x",), keep=(".y",)),
        "news.example.com",
    )
    assert [s.text for s in rules.drop] == [".cookie-wall", ".promo", "xpath://div[@data-ad]", ".x"]
    assert [s.text for s in rules.keep] == ["p.note", ".y"]
    assert [s.text for s in rules.byline] == [".author"]
    assert rules.drop[-1].label == "--drop '.x'"
    assert rules.drop[1].label == "example.com drop '.promo'"


def test_empty_file_is_valid() -> None:
    assert parse_rules("", path="empty.toml").sites == ()


# -- validation: file, site and key named ------------------------------------------


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ('[sites."example.com"]\ndorp = [".a"]\n', ["bad.toml", "'example.com'", "'dorp'", "unknown key"]),
        ('[sites."example.com"]\ndrop = ["div[["]\n', ["bad.toml", "'example.com'", "'drop'", "invalid CSS"]),
        ('[sites."example.com"]\nkeep = ["p::before"]\n', ["'example.com'", "'keep'", "invalid CSS"]),
        ('[sites."example.com"]\ndrop = ["xpath://div["]\n', ["'example.com'", "'drop'", "invalid XPath"]),
        ('[sites."example.com"]\ndrop = ["xpath:nosuch(1)"]\n', ["'drop'", "invalid XPath"]),
        ('[sites."example.com"]\ndrop = ["xpath:"]\n', ["'drop'", "empty XPath"]),
        ('[sites."example.com"]\ndrop = ["  "]\n', ["'drop'", "empty selector"]),
        ('[sites."example.com"]\ndrop = [1, 2]\n', ["'example.com'", "'drop'", "list of selectors"]),
        ('[sites."example.com"]\ndrop = {a = 1}\n', ["'drop'", "list of selectors"]),
        ('[sites."exa mple.com"]\ndrop = [".a"]\n', ["'exa mple.com'", "not a domain"]),
        ('[sites."https://example.com/"]\ndrop = [".a"]\n', ["not a domain"]),
        ('[sites]\n"example.com" = 3\n', ["'example.com'", "must be a table"]),
        ('sites = 3\n', ["'sites'", "table of sites"]),
        ('[site."example.com"]\ndrop = [".a"]\n', ["bad.toml", "key 'site'", "unknown key"]),
        ('[sites."Example.com"]\n[sites."www.example.com"]\n', ["'www.example.com'", "twice"]),
        ('[sites."example.com"\n', ["bad.toml", "not valid TOML"]),
    ],
)
def test_invalid_files_name_file_site_and_key(text: str, pieces: list[str]) -> None:
    with pytest.raises(InvalidRules) as info:
        parse_rules(text, path="bad.toml")
    message = str(info.value)
    for piece in pieces:
        assert piece in message, message
    assert info.value.exit_code == 2


def test_missing_file_is_invalid_rules(tmp_path: Path) -> None:
    with pytest.raises(InvalidRules, match="cannot read rules file"):
        load_rules(tmp_path / "missing.toml")


def test_non_utf8_file_is_invalid_rules(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes(b'[sites."example.com"]\ndrop = [".caf\xe9"]\n')
    with pytest.raises(InvalidRules, match="not UTF-8"):
        load_rules(path)


def test_load_rules_sees_changes(tmp_path: Path) -> None:
    path = _write(tmp_path, '[sites."a.example"]\ndrop = [".one"]\n')
    assert [s.text for s in load_rules(path).sites[0].drop] == [".one"]
    Path(path).write_text('[sites."a.example"]\ndrop = [".one", ".two"]\n', encoding="utf-8")
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert [s.text for s in load_rules(path).sites[0].drop] == [".one", ".two"]


# -- the user's own file -----------------------------------------------------------


def test_user_rules_path_is_in_the_config_dir(tmp_path: Path) -> None:
    assert user_rules_path() == tmp_path / "config" / "boilerstrip" / "rules.toml"


def test_user_file_is_read_unless_turned_off(tmp_path: Path) -> None:
    path = user_rules_path()
    path.parent.mkdir(parents=True)
    path.write_text('[sites."example.com"]\ndrop = [".mine"]\n', encoding="utf-8")
    assert [s.text for s in rules_for(Options(), "example.com").drop] == [".mine"]
    assert not rules_for(Options(user_rules=False), "example.com")


def test_invalid_user_file_is_reported(tmp_path: Path) -> None:
    path = user_rules_path()
    path.parent.mkdir(parents=True)
    path.write_text('[sites."example.com"]\nnope = [".mine"]\n', encoding="utf-8")
    with pytest.raises(InvalidRules, match="rules.toml: site 'example.com', key 'nope'"):
        rules_for(Options(), "example.com")


# -- boilerstrip rules check -------------------------------------------------------


def test_rules_check_ok(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    result = CliRunner().invoke(main, ["rules", "check", path])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok")
    assert "4 site(s), 8 selector(s)" in result.stdout


def test_rules_check_reports_file_site_key(tmp_path: Path) -> None:
    path = _write(tmp_path, '[sites."example.com"]\ndrop = ["div[["]\n', name="broken.toml")
    result = CliRunner().invoke(main, ["rules", "check", path])
    assert result.exit_code == 2, result.output
    assert "broken.toml" in result.stderr
    assert "'example.com'" in result.stderr
    assert "'drop'" in result.stderr


def test_rules_check_unknown_key(tmp_path: Path) -> None:
    path = _write(tmp_path, '[sites."example.com"]\nkeeep = ["p"]\n')
    result = CliRunner().invoke(main, ["rules", "check", path])
    assert result.exit_code == 2, result.output
    assert "'keeep'" in result.stderr and "valid keys: drop, keep, byline, date, caption" in result.stderr


def test_rules_check_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["rules", "check", str(tmp_path / "none.toml")])
    assert result.exit_code == 2, result.output


def test_international_site_names_match_either_form() -> None:
    rules = parse_rules('[sites."例え.jp"]\ndrop = [".a"]\n', path="idn.toml")
    assert rules.sites[0].site == "xn--r8jz45g.jp"
    assert rules.for_host(host_of("https://news.例え.jp/x"))
    assert rules.for_host(host_of("https://news.xn--r8jz45g.jp/x"))

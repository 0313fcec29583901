"""The README is the contract: every cleaner, format and exit code it promises is real, and back."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from boilerstrip import registry
from boilerstrip.cleaners import HTML_CLEANERS
from boilerstrip.cli import EXIT_CODES, FORMATS, main
from boilerstrip.textdump import TEXT_CLEANERS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

# Registered cleaners the README does not name yet (known gap, see the report for the rows to
# add). Remove a name here when its README row lands: its test then runs for real.
UNDOCUMENTED: frozenset[str] = frozenset()


def code_blocks(text: str) -> list[str]:
    return re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.M | re.S)


def section(title: str) -> str:
    """The README text under a ``#`` heading, up to the next heading of the same or higher level."""
    match = re.search(rf"^(#+) {re.escape(title)}\s*$", README, flags=re.M)
    assert match, f"README has no section {title!r}"
    level = len(match.group(1))
    rest = README[match.end():]
    end = re.search(rf"^#{{1,{level}}} ", rest, flags=re.M)
    return rest[: end.start()] if end else rest


def table_first_column(text: str) -> list[str]:
    """The first cell of every row of the markdown tables in ``text``, header and rule excluded."""
    cells = []
    for line in text.splitlines():
        if not line.startswith("|"):
            continue
        first = line.strip("|").split("|")[0].strip()
        if not first or set(first) <= set("-: "):
            continue
        cells.append(first)
    return cells


def commands(block: str) -> list[str]:
    return [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]


# -- cleaners ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            n,
            marks=pytest.mark.xfail(strict=True, reason=f"README has no row for the cleaner {n!r}"),
        )
        if n in UNDOCUMENTED
        else n
        for n in registry.default_pipeline().names()
    ],
)
def test_every_registered_cleaner_is_named_in_the_readme(name: str) -> None:
    assert f"`{name}`" in README


def test_readme_cleaner_tables_follow_the_pipeline() -> None:
    """The tables list real cleaners, each in its own table, in the order they run."""
    html_rows = [c.strip("`") for c in table_first_column(section("HTML cleaners"))[1:]]
    text_rows = [c.strip("`") for c in table_first_column(section("Text-dump cleaners"))[1:]]
    html_names = [c.name for c in HTML_CLEANERS]
    text_names = [c.name for c in TEXT_CLEANERS]
    assert set(html_rows) <= set(html_names), set(html_rows) - set(html_names)
    assert set(text_rows) <= set(text_names), set(text_rows) - set(text_names)
    assert html_rows == [n for n in html_names if n in html_rows]
    assert text_rows == [n for n in text_names if n in text_rows]
    assert len(set(html_rows)) == len(html_rows) and len(set(text_rows)) == len(text_rows)


# -- the first code block ------------------------------------------------------------------


def test_first_code_block_has_exactly_two_commands() -> None:
    first = code_blocks(README)[0]
    cmds = commands(first)
    assert len(cmds) == 2, cmds
    install, test = cmds
    assert "boilerstrip " in install
    for tool in ("ruff check", "mypy", "pytest"):
        assert tool in test


def test_first_command_strips_a_page_that_exists() -> None:
    install = commands(code_blocks(README)[0])[0]
    words = shlex.split(install)
    after = words[words.index("boilerstrip") + 1:]
    pages = [w for w in after if not w.startswith("-")]
    assert pages
    for page in pages:
        assert (ROOT / page).is_file(), page


def test_ci_runs_the_readme_test_command() -> None:
    """README: "CI (.ci/run) runs exactly that second command" (pip's -q aside)."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    wanted = commands(code_blocks(README)[0])[1]
    ran = [line.replace(" -q", "") for line in commands(ci)]
    assert wanted in ran, ran


# -- exit codes, formats, options ------------------------------------------------------------


def test_every_exit_code_is_in_the_readme_table() -> None:
    rows = table_first_column(section("Exit codes"))
    assert rows[0] == "code"
    documented = {int(c) for c in rows[1:]}
    assert set(EXIT_CODES) <= documented, set(EXIT_CODES) - documented
    assert documented <= set(EXIT_CODES), documented - set(EXIT_CODES)


def test_every_format_is_in_the_readme() -> None:
    formats = section("Usage")
    for fmt in FORMATS:
        assert f"`{fmt}`" in formats, fmt


def test_usage_examples_use_real_options() -> None:
    """Each ``--option`` in the usage examples is an option of the command it runs."""
    strip = main.commands["strip"]
    known = {opt for p in strip.params if isinstance(p, click.Option) for opt in p.opts}
    usage = code_blocks(section("Usage"))[0]
    used = set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", usage))
    assert used, usage
    assert used <= known, used - known


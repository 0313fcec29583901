"""The ``boilerstrip`` command: a thin click layer over the library.

Parses arguments, builds :class:`~boilerstrip.options.Options`, calls the library and turns
its typed errors into messages on stderr and exit codes. Results go to stdout only.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import click

from . import __version__, build
from .errors import BoilerstripError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

FORMATS = ("text", "markdown", "json", "html", "jsonl")

EXIT_CODES = {
    0: "success",
    1: "some pages of a batch failed, or an unexpected internal error",
    2: "usage error: unknown option, cleaner or format, invalid rules file",
    3: "input error: empty, binary, undecodable or unreadable input",
    4: "no article found on the page",
    5: "the page took longer than --timeout",
    6: "an output cannot be written",
    130: "interrupted (Ctrl-C)",
}


def _split_names(values: Sequence[str]) -> tuple[str, ...]:
    """``--disable a,b --disable c`` -> ``("a", "b", "c")``."""
    return tuple(n.strip() for v in values for n in v.split(",") if n.strip())


class _DefaultGroup(click.Group):
    """A group whose first argument, when not a subcommand, goes to the ``strip`` command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["strip", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    __version__,
    prog_name="boilerstrip",
    message=f"%(prog)s, version %(version)s ({build()})",
)
def main() -> None:
    """Strip boilerplate from raw news pages: headline, byline, date, body and captions.

    \b
    boilerstrip page.html            one page to stdout
    boilerstrip - < page.html        a page from stdin (also: cat page.html | boilerstrip)
    boilerstrip DIR... -o OUT        a batch: one output per page under OUT
    boilerstrip cleaners             list the cleaners
    """


def stripping_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Options that shape how a page is stripped (shared by every command that strips)."""
    decorators = [
        click.option("--url", help="The page's address (for links and metadata; never fetched)."),
        click.option("--encoding", help="Decode the input with this encoding instead of detecting it."),
        click.option(
            "--input-format",
            type=click.Choice(["auto", "html", "text"]),
            default="auto",
            show_default=True,
            help="HTML, a plain-text page dump, or detect.",
        ),
        click.option("--disable", multiple=True, metavar="NAME[,NAME]", help="Turn a cleaner off (repeatable)."),
        click.option("--only", multiple=True, metavar="NAME[,NAME]", help="Run only these cleaners (repeatable)."),
    ]
    for deco in reversed(decorators):
        fn = deco(fn)
    return fn


def rule_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """User rules (``--drop``, ``--keep``, ``--rules``) and the visual explain page."""
    decorators = [
        click.option("--drop", multiple=True, metavar="SELECTOR",
                     help="Drop what this CSS selector (or 'xpath:EXPR') matches (repeatable)."),
        click.option("--keep", multiple=True, metavar="SELECTOR",
                     help="Keep what this selector matches, whatever the cleaners say (repeatable)."),
        click.option("--rules", "rules_file", type=click.Path(dir_okay=False, path_type=str),
                     metavar="FILE.toml", help="Rules by site: drop, keep, byline, date, caption."),
        click.option("--no-user-rules", is_flag=True,
                     help="Do not read the user's rules file (~/.config/boilerstrip/rules.toml)."),
        click.option("--explain-html", type=click.Path(dir_okay=False, path_type=str), metavar="FILE",
                     help="Write the page with every kept and dropped block outlined and labelled."),
    ]
    for deco in reversed(decorators):
        fn = deco(fn)
    return fn


def _rule_values(steer: dict[str, Any]) -> dict[str, Any]:
    """The Options fields of the rule options (``explain_html`` is handled by the command).

    The selectors and rules files are checked here, so a bad one stops a batch before it starts.
    """
    from .options import Options
    from .rules import rules_for

    values: dict[str, Any] = {
        "drop": tuple(steer.get("drop") or ()),
        "keep": tuple(steer.get("keep") or ()),
        "rules_file": steer.get("rules_file"),
        "user_rules": not steer.get("no_user_rules"),
    }
    rules_for(Options.build(**values), None)
    return values


@main.command("strip")
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, path_type=str))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=str), help="Output file (one page) or directory (batch).")
@stripping_options
@rule_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Batch: worker processes [default: one per core].")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN",
              help="Batch: file names to pick up in directories (repeatable) [default: *.html *.htm *.xhtml *.html.gz].")
@click.option("--timeout", type=click.FloatRange(min=0), default=30.0, show_default=True,
              help="Batch: seconds a page may take before it is abandoned (0: no limit).")
@click.option("--resume", is_flag=True, help="Batch: skip pages whose output exists and is newer than the input.")
@click.option("--fail-fast", is_flag=True, help="Batch: stop at the first page that fails.")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Batch: run the pages on this Dask scheduler's cluster.")
@click.option("--explain", is_flag=True, help="Print every dropped block and the cleaner behind it on stderr.")
@click.option("-q", "--quiet", is_flag=True, help="No progress or diagnostics on stderr.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def strip_command(
    inputs: tuple[str, ...],
    fmt: str,
    output: str | None,
    url: str | None,
    encoding: str | None,
    input_format: str,
    disable: tuple[str, ...],
    only: tuple[str, ...],
    explain: bool,
    quiet: bool,
    debug: bool,
    **steer: Any,
) -> None:
    """Strip one page (a file, '-' or stdin) or a batch of pages."""
    try:
        options = _build_options(
            encoding=encoding,
            input_format=input_format,
            disable=_split_names(disable),
            only=_split_names(only),
            explain=explain,
            **_rule_values(steer),
        )
        if not inputs:
            if sys.stdin.isatty():
                raise UsageError("no input: give a file, a directory, or '-' / a pipe for stdin")
            inputs = ("-",)
        from .batch.kinds import is_single_page

        if len(inputs) == 1 and is_single_page(inputs[0]):
            code = _strip_one(inputs[0], fmt=fmt, output=output, url=url, options=options, quiet=quiet,
                              explain_html=steer.get("explain_html"))
        else:
            from .batch.command import batch_command

            if steer.get("explain_html"):
                raise UsageError("--explain-html takes one page, not a batch")
            if url:
                raise UsageError("--url names one page; in a batch each page keeps its own address")
            code = batch_command(
                inputs, fmt=fmt, output=output, options=options, console=_console(quiet), quiet=quiet,
                jobs=steer.get("jobs"), globs=steer.get("globs") or (), timeout=steer.get("timeout"),
                resume=bool(steer.get("resume")), fail_fast=bool(steer.get("fail_fast")),
                scheduler=steer.get("scheduler"),
            )
    except BoilerstripError as exc:
        if debug:
            raise
        _fail(_console(), exc.message, exc.exit_code)
    except KeyboardInterrupt:
        _fail(_console(), "interrupted", 130)
    except Exception as exc:  # a bug of ours: still one line, unless --debug asks for the traceback
        if debug:
            raise
        _fail(_console(), f"internal error ({type(exc).__name__}: {exc}); rerun with --debug for details", 1)
    from .regex_cache import save

    save()  # the patterns this run compiled, for the next run's start
    sys.exit(code)


def _build_options(**values: Any) -> Any:
    """The options, with cleaner names checked before any input is read."""
    from .options import Options
    from .registry import pipeline_for

    options = Options.build(**values)
    pipeline_for(options)
    return options


def _strip_one(source: str, *, fmt: str, output: str | None, url: str | None, options: Any, quiet: bool,
               explain_html: str | None = None) -> int:
    from .core import strip
    from .loading import read_source
    from .render import render

    data = read_source(None if source == "-" else source)
    if explain_html:
        _write_explain_html(explain_html, data, url=url, options=options, source=source,
                            err=_console(quiet))
    article = strip(data, url=url, options=options)
    if options.explain:
        from .explain import print_explanation

        print_explanation(article, _console(quiet))
    text = render(article, "json" if fmt == "jsonl" else fmt, dropped=options.explain)
    if fmt == "jsonl":
        import json

        text = json.dumps({"source": source, **article.to_dict()}, ensure_ascii=False) + "\n"
    if output:
        from pathlib import Path

        from .outputs import write_new
        from .render import EXTENSIONS

        target = Path(output)
        if target.is_dir():  # one page into a directory: named after the page
            stem = "stdin" if source == "-" else Path(source).name.split(".")[0]
            target = target / (stem + EXTENSIONS.get(fmt, ".jsonl"))
        write_new(target, text, inputs=[source])
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 0


def _console(quiet: bool = False) -> Console:
    """A rich console on stderr, made when something is to be printed (rich is slow to import)."""
    from rich.console import Console

    return Console(stderr=True, quiet=quiet)


def _fail(err: Console, message: str, code: int) -> None:
    """Print the error on stderr (even with --quiet: it silences progress, not failures) and exit."""
    from rich.markup import escape

    if err.quiet:
        err = _console()
    err.print(f"[bold red]boilerstrip:[/] {escape(message)}", highlight=False, soft_wrap=True)
    sys.exit(code)


@main.command("cleaners")
def cleaners_command() -> None:
    """List every cleaner in its default order with a one-line description."""
    from .registry import default_pipeline

    for cleaner in default_pipeline():
        click.echo(f"{cleaner.name:<22} {cleaner.kind:<5} {cleaner.summary}")


def _write_explain_html(path: str, data: bytes, *, url: str | None, options: Any, source: str,
                        err: Console) -> None:
    """Write the explain page before stripping, so a page with no article still gets one."""
    from pathlib import Path

    from .explain_html import explain_html
    from .outputs import write_new

    write_new(Path(path), explain_html(data, url=url, options=options), inputs=[source])
    err.print(f"explain page written to {path}", highlight=False, soft_wrap=True)


@main.group("rules")
def rules_group() -> None:
    """User rules: selectors by site that drop, keep, or point at byline, date and captions."""


@rules_group.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
def rules_check_command(file: str) -> None:
    """Validate a rules file; an error names the file, the site and the key (exit code 2)."""
    from .rules import RULE_KEYS, load_rules

    try:
        rules = load_rules(file)
    except BoilerstripError as exc:
        _fail(_console(), exc.message, exc.exit_code)
    selectors = sum(len(getattr(site, key)) for site in rules.sites for key in RULE_KEYS)
    click.echo(f"ok: {file}: {len(rules.sites)} site(s), {selectors} selector(s)")

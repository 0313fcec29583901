"""Error analysis: a tool's worst pages by F1, with what it missed and what it added."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from .runner import PageResult, ToolRun


def lines_of(text: str) -> list[str]:
    """Non-empty lines of ``text``, whitespace squashed."""
    squashed = (" ".join(line.split()) for line in text.splitlines())
    return [line for line in squashed if line]


def unified(truth: str, output: str, max_lines: int) -> Iterator[str]:
    diff = difflib.unified_diff(
        lines_of(truth), lines_of(output), "truth", "output", lineterm="", n=1
    )
    for i, line in enumerate(diff):
        if i >= max_lines:
            yield f"... (diff cut at {max_lines} lines; --max-lines to see more)"
            return
        yield line


def missing_extra(truth: str, output: str, max_lines: int) -> Iterator[str]:
    """Truth lines absent from the output (``-``) and output lines absent from the truth (``+``)."""
    t, o = lines_of(truth), lines_of(output)
    tset, oset = set(t), set(o)
    shown = 0
    for sign, lines, other in (("-", t, oset), ("+", o, tset)):
        for line in lines:
            if line not in other:
                if shown >= max_lines:
                    yield f"... (cut at {max_lines} lines)"
                    return
                yield f"{sign} {line}"
                shown += 1


def worst(run: ToolRun, n: int) -> list[PageResult]:
    return sorted(run.results, key=lambda r: (r.score.f1, r.page.id))[:n]


def render(run: ToolRun, n: int, mode: str = "diff", max_lines: int = 60) -> Iterator[str]:
    c = run.corpus
    yield (
        f"# {run.tool} {run.version or ''} on {run.dataset}: P={c.precision:.3f} "
        f"R={c.recall:.3f} F1={c.f1:.3f}, {run.failed} failed; worst {n} by page F1"
    )
    for res in worst(run, n):
        s = res.score
        yield ""
        yield (
            f"## {res.page.id}  F1={s.f1:.3f} P={s.precision:.3f} R={s.recall:.3f}  "
            f"{res.ms:.1f} ms  {res.page.url or ''}"
        )
        if res.error:
            yield f"error: {res.error}"
        output = res.output.text if res.output else ""
        show = unified if mode == "diff" else missing_extra
        yield from show(res.page.body, output, max_lines)

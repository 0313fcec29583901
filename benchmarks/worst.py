"""Error analysis: a tool's worst pages by F1, with what it missed and what it added."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from .metric import normalise
from .runner import PageResult, ToolRun
from .tools import Output


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
    """Truth lines absent from the output (``-``), then output lines absent from the truth (``+``).

    Each side gets half of ``max_lines``, so a page that lost everything still shows its junk.
    """
    t, o = lines_of(truth), lines_of(output)
    tset, oset = set(t), set(o)
    budget = max(1, max_lines // 2)
    for sign, lines, other in (("-", t, oset), ("+", o, tset)):
        lost = [line for line in lines if line not in other]
        for line in lost[:budget]:
            yield f"{sign} {line}"
        if len(lost) > budget:
            yield f"{sign} ... ({len(lost) - budget} more lines)"


def lost_drops(truth: str, output: Output, limit: int = 10) -> Iterator[str]:
    """The tool's recorded drops whose text is truth the output lacks: who removed it, and why."""
    t, o = normalise(truth), normalise(output.text)
    shown = 0
    for drop in output.drops:
        cleaner, reason, preview = drop.cleaner, drop.reason, drop.preview
        words = normalise(preview.rstrip("…")).split()
        if preview.endswith("…"):
            words = words[:-1]  # the cut may end inside a word
        key = " ".join(words)
        if len(words) >= 3 and key in t and key not in o:
            if shown >= limit:
                yield f"  ... (more; --max-lines shows at most {limit})"
                return
            yield f"  {cleaner}: {reason}: {preview}"
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
        if res.output is not None and res.output.drops:
            lost = list(lost_drops(res.page.body, res.output, max(10, max_lines // 4)))
            if lost:
                yield "dropped blocks that hold missing truth text:"
                yield from lost

"""``--explain``: what each cleaner dropped and why, as a rich table on stderr."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .article import Article


def explain_table(article: Article, *, title: str | None = None) -> Table:
    table = Table(title=title or "dropped blocks", show_lines=False, expand=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("cleaner", style="bold cyan", no_wrap=True)
    table.add_column("why")
    table.add_column("chars", justify="right")
    table.add_column("text", overflow="fold")
    for i, drop in enumerate(article.dropped, 1):
        table.add_row(str(i), drop.cleaner, drop.reason, str(drop.chars), drop.preview)
    return table


def counts_table(article: Article) -> Table:
    table = Table(title="per cleaner")
    table.add_column("cleaner", style="bold cyan")
    table.add_column("blocks", justify="right")
    table.add_column("chars", justify="right")
    chars: dict[str, int] = {}
    for drop in article.dropped:
        chars[drop.cleaner] = chars.get(drop.cleaner, 0) + drop.chars
    for name, count in article.cleaner_counts().items():
        table.add_row(name, str(count), str(chars[name]))
    return table


def print_explanation(article: Article, console: Console) -> None:
    """Print the input format, every dropped block and the per-cleaner totals."""
    console.print(f"input format: {article.input_format}; encoding: {article.encoding or 'n/a'}")
    console.print(explain_table(article))
    console.print(counts_table(article))

"""Load the benchmark datasets: ``<shared>/bench/<dataset>/{truth.jsonl,html/<id>.html}``.

The shared directory is ``$BOILERSTRIP_SHARED`` when set, else ``../shared`` next to the
repository root. Page bytes are read as published, never re-encoded.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
ENV_SHARED = "BOILERSTRIP_SHARED"


class DatasetError(Exception):
    """A dataset directory that is missing or malformed."""


@dataclass(frozen=True)
class BenchPage:
    """One page of a dataset: its bytes and its truth."""

    dataset: str
    id: str
    html_path: Path
    url: str | None
    body: str
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    lang: str | None = None
    expected_path: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def html(self) -> bytes:
        return self.html_path.read_bytes()

    @property
    def size(self) -> int:
        return self.html_path.stat().st_size


@dataclass(frozen=True)
class Dataset:
    name: str
    root: Path
    pages: tuple[BenchPage, ...]

    def __iter__(self) -> Iterator[BenchPage]:
        return iter(self.pages)

    def __len__(self) -> int:
        return len(self.pages)


def shared_dir() -> Path:
    """The shared directory holding ``bench/``."""
    env = os.environ.get(ENV_SHARED)
    return Path(env) if env else REPO_ROOT.parent / "shared"


def bench_dir(shared: Path | None = None) -> Path:
    return (shared or shared_dir()) / "bench"


def available(bench: Path | None = None) -> list[str]:
    """Names of the datasets found under ``bench``, sorted."""
    root = bench or bench_dir()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / "truth.jsonl").is_file())


def load(name: str, bench: Path | None = None, limit: int | None = None) -> Dataset:
    """Read one dataset's truth and locate its pages; ``limit`` keeps the first N (file order)."""
    root = (bench or bench_dir()) / name
    truth = root / "truth.jsonl"
    if not truth.is_file():
        raise DatasetError(f"no dataset {name!r}: {truth} is missing")
    pages: list[BenchPage] = []
    with truth.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                pid = str(rec["id"])
            except (ValueError, KeyError) as exc:
                raise DatasetError(f"{truth}:{lineno}: bad record ({exc})") from exc
            html_path = root / "html" / f"{pid}.html"
            if not html_path.is_file():
                raise DatasetError(f"{truth}:{lineno}: {html_path} is missing")
            expected = root / "expected" / f"{pid}.html"
            known = {"id", "url", "body", "title", "byline", "date", "lang"}
            pages.append(
                BenchPage(
                    dataset=name,
                    id=pid,
                    html_path=html_path,
                    url=rec.get("url"),
                    body=rec.get("body") or "",
                    title=rec.get("title"),
                    byline=rec.get("byline"),
                    date=rec.get("date"),
                    lang=rec.get("lang") or rec.get("lang_detected"),
                    expected_path=expected if expected.is_file() else None,
                    extra={k: v for k, v in rec.items() if k not in known},
                )
            )
            if limit is not None and len(pages) >= limit:
                break
    return Dataset(name, root, tuple(pages))


def figcaptions(page: BenchPage) -> list[str]:
    """The ``<figcaption>`` texts of the page's expected article HTML, if it has one."""
    if page.expected_path is None:
        return []
    from lxml import html as lxml_html

    data = page.expected_path.read_bytes()
    if not data.strip():
        return []
    # the expected files are UTF-8 without a declaration: decode first, or lxml reads Latin-1
    root = lxml_html.fromstring(data.decode("utf-8", errors="replace"))
    texts = (" ".join(el.text_content().split()) for el in root.iter("figcaption"))
    return [t for t in texts if t]

"""Where a page's time goes: milliseconds per stage of ``strip``, over the bench pages.

The stages are those of ``boilerstrip.core``: decoding, parsing, the size table, the metadata
readers (declared metadata, headline, byline, date), each cleaner of the default pipeline, the
block builder and the text rendering. As in the harness, the first page is stripped once untimed
(imports, the compiled-regex cache), then every page once, timed stage by stage: what a page
pays the first time a memo meets its class names is counted (``--warm`` strips every page
untimed first, to leave that out). Wall time: compare runs made one after the other on an idle
machine, or use ``benchmarks.instructions``.

    python -m benchmarks.stages                     # this checkout, every bench page
    python -m benchmarks.stages -n 60 --src ../other/src
"""

from __future__ import annotations

import argparse
import inspect
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any


def measure(pages: list[tuple[bytes, str | None]], warm: bool = False) -> dict[str, list[float]]:
    """Seconds per stage for each page, in the pipeline's order."""
    from boilerstrip import core, metadata, parse
    from boilerstrip.extract.blocks import build_blocks
    from boilerstrip.registry import pipeline_for
    from boilerstrip.render.text import render_text

    options = core.Options()
    pipeline = pipeline_for(options)
    meta_params = inspect.signature(metadata.read_meta).parameters
    date_params = inspect.signature(metadata.find_date).parameters
    times: dict[str, list[float]] = defaultdict(list)

    def timed(name: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        times[name].append(time.perf_counter() - start)
        return result

    for html, url in pages if warm else pages[:1]:
        render_text(core.strip(html, url=url))  # untimed: what a first page pays once
    for html, url in pages:
        decoded = timed("decode", core.decode, html, encoding=options.encoding)
        # (a checkout from before ``Decoded.utf8`` encodes the text again)
        raw = (decoded.text,) if getattr(decoded, "utf8", None) is None else (decoded.text, decoded.utf8)
        # (and one from before ``Decoded.control_free`` searches the bytes for control bytes again)
        known = {"control_free": True} if getattr(decoded, "control_free", False) else {}
        root = timed(
            "parse", lambda r=raw, k=known, u=url: parse.parse_input(parse.parser_input(*r, **k), base_url=u)
        )
        page = core.Page(root, url=url, options=options)
        sizes = timed("size table", page.sizes)
        # (the lists the page has made, as ``core.read_page`` passes them, where the checkout takes them)
        listed = {"itemprops": page.with_any_attribute("itemprop")} if "itemprops" in meta_params else {}
        meta = page.meta = timed("metadata: declared", metadata.read_meta, root, url=url, **listed)
        page.headline_el = timed("metadata: headline", metadata.find_headline, root, meta)
        # (a checkout from before ``Page.texts_read`` has the readers read every text themselves)
        shared = {"texts": page.texts_read} if hasattr(page, "texts_read") else {}
        byline = timed("metadata: byline", metadata.find_byline, root, meta, page.headline_el, sizes=sizes, **shared)
        if "classed" in date_params:
            shared["classed"] = page.with_any_attribute("class", "id")
        date = timed("metadata: date", metadata.find_date, root, meta, page.headline_el, sizes=sizes, **shared)
        page.byline_el, page.byline_line, page.byline_text = byline.element, byline.line, byline.text
        page.date_el, page.date_line, page.date_iso = date.element, date.line, date.text or meta.date
        for cleaner in pipeline.active("html"):
            page.current = cleaner.name
            timed(f"cleaner: {cleaner.name}", cleaner.fn, page)
        blocks = timed("blocks", build_blocks, page.article_root(), title=meta.title)
        article = core.Article(title=meta.title, blocks=blocks)
        timed("render text", render_text, article)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.stages", description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, help="pages (every k-th bench page so that n are taken; default all)")
    parser.add_argument("--warm", action="store_true", help="strip every page untimed first (memos filled)")
    parser.add_argument("--src", type=Path, help="the src/ directory of another checkout to measure")
    args = parser.parse_args(argv)
    if args.src is not None:
        sys.path.insert(0, str(args.src))
    from . import datasets

    every = [p for name in datasets.available() for p in datasets.load(name).pages]
    step = max(1, len(every) // args.n) if args.n else 1
    chosen = every[::step][: args.n or None]
    times = measure([(p.html, p.url) for p in chosen], warm=args.warm)
    total = sum(sum(v) for v in times.values())
    print(f"{len(chosen)} pages ({args.src or 'this checkout'}); mean {total * 1000 / len(chosen):.2f} ms a page")
    print(f"{'stage':34s} {'mean ms':>8s} {'median ms':>10s} {'share':>6s}")
    for name, secs in sorted(times.items(), key=lambda kv: -sum(kv[1])):
        print(
            f"{name:34s} {sum(secs) * 1000 / len(chosen):8.2f} {statistics.median(secs) * 1000:10.2f} "
            f"{sum(secs) / total:6.1%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

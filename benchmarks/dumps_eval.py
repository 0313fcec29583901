"""Plain-text dumps (issue 5): score ``strip_text`` on layout-text renderings of the bench pages.

Each page's HTML is rendered to text with inscriptis (``get_text``: layout text, about as a
browser's select-all copy looks), then three outputs are scored against the truth body with
the article-extraction-benchmark metric (``benchmarks.metric``):

- ``boilerstrip``: ``strip_text`` with the default text cleaners, body blocks (captions
  excluded) joined by blank lines; a page raising ``NoArticle`` scores as empty output;
- ``whole dump``: the dump itself, the "do nothing" baseline;
- ``jusText``: jusText run on the dump's lines (each non-blank line one ``<p>``), with the
  stoplist of the page's language when jusText has one, English otherwise.

Run: ``python -m benchmarks.dumps_eval [--dataset NAME] [--worst N] [--save DIR]``.
``python -m benchmarks run`` includes the same table as its "Plain-text dumps" section.
"""

from __future__ import annotations

import argparse
import html as html_lib
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from boilerstrip.errors import NoArticle
from boilerstrip.pipeline import Pipeline
from boilerstrip.textdump import TEXT_CLEANERS, strip_text

from . import datasets
from .metric import PageScore, score_corpus, score_page

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w:.-]+)""", re.IGNORECASE)
_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932", "shift-jis": "cp932",
    "sjis": "cp932", "x-sjis": "cp932", "euc-kr": "cp949", "ks_c_5601-1987": "cp949",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
}
_JUSTEXT_LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese",
    "it": "Italian", "ru": "Russian", "id": "Indonesian", "nl": "Dutch", "pl": "Polish",
}


def decode(data: bytes) -> str:
    """Page bytes as text: UTF-8, else the declared charset, else charset-normalizer's guess."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET_RE.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        # Pages labelled with a legacy charset are written in its vendor superset.
        declared = _SUPERSETS.get(declared, declared)
        try:
            return data.decode(declared, errors="replace")
        except LookupError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", errors="replace")


FLAT: list[bool] = [False]  # --flat: drop the layout's indentation (a browser copy keeps none)


def render_dump(data: bytes) -> str:
    """The page as layout text, the way inscriptis renders it (``--flat``: unindented)."""
    from inscriptis import get_text

    text = str(get_text(decode(data)))
    if FLAT[0]:
        text = "\n".join(" ".join(line.split()) for line in text.splitlines())
    return text


DISABLED: list[str] = []  # cleaners switched off by --disable (ablation runs)


def boilerstrip_body(dump: str, url: str | None) -> str:
    pipeline = Pipeline(TEXT_CLEANERS)
    pipeline.disable(DISABLED)
    try:
        article = strip_text(dump, pipeline=pipeline, url=url)
    except NoArticle:
        return ""
    return article.body_text


def justext_body(dump: str, lang: str | None) -> str:
    import justext

    stoplist = justext.get_stoplist(_JUSTEXT_LANGS.get((lang or "en")[:2], "English"))
    lines = [ln.strip() for ln in dump.splitlines() if ln.strip()]
    doc = "<html><body>" + "".join(f"<p>{html_lib.escape(ln)}</p>" for ln in lines) + "</body></html>"
    paragraphs = justext.justext(doc.encode("utf-8"), stoplist, encoding="utf-8")
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


@dataclass
class PageRun:
    id: str
    url: str | None
    dump: str
    scores: dict[str, PageScore]
    ms: float


METHODS: dict[str, Callable[[str, datasets.BenchPage], str]] = {
    "boilerstrip": lambda dump, page: boilerstrip_body(dump, page.url),
    "whole dump": lambda dump, page: dump,
    "jusText": lambda dump, page: justext_body(dump, page.lang),
}


def run_dataset(ds: datasets.Dataset, methods: Iterable[str] = tuple(METHODS)) -> list[PageRun]:
    runs: list[PageRun] = []
    for page in ds.pages:
        dump = render_dump(page.html)
        scores: dict[str, PageScore] = {}
        ms = 0.0
        for name in methods:
            start = time.perf_counter()
            out = METHODS[name](dump, page)
            if name == "boilerstrip":
                ms = (time.perf_counter() - start) * 1000
            scores[name] = score_page(page.body, out)
        runs.append(PageRun(page.id, page.url, dump, scores, ms))
    return runs


def evaluate(loaded: list[datasets.Dataset]) -> list[dict[str, Any]]:
    """``dumps`` rows of ``BENCHMARKS.md``: one per dataset, rendering and method.

    Renderings: ``layout`` (inscriptis as is) and ``flat`` (indentation and column gaps
    removed, as a browser's copy has none).
    """
    rows: list[dict[str, Any]] = []
    saved = FLAT[0]
    try:
        for ds in loaded:
            for rendering in ("layout", "flat"):
                FLAT[0] = rendering == "flat"
                runs = run_dataset(ds)
                for name in METHODS:
                    c = score_corpus(r.scores[name] for r in runs)
                    row: dict[str, Any] = {
                        "row": "dumps",
                        "dataset": ds.name,
                        "rendering": rendering,
                        "method": name,
                        "pages": len(runs),
                        "precision": round(c.precision, 3),
                        "recall": round(c.recall, 3),
                        "F1": round(c.f1, 3),
                    }
                    if name == "boilerstrip":
                        row["median ms/page"] = (
                            round(statistics.median(r.ms for r in runs), 1) if runs else 0
                        )
                    rows.append(row)
    finally:
        FLAT[0] = saved
    return rows


def markdown(loaded: list[datasets.Dataset]) -> str:
    rows = evaluate(loaded)
    fixtures = fixture_checks() if FIXTURES.is_dir() else []
    out = [
        "## Plain-text dumps",
        "",
        "Each page rendered to text with inscriptis (`layout`; `flat` also drops indentation",
        "and column gaps, as a browser copy), then stripped with `strip_text`; the body",
        "(captions excluded) scored with the benchmark metric. `whole dump` is the dump itself,",
        "`jusText` is jusText run on the dump's lines. `python -m benchmarks.dumps_eval`.",
        "",
        "| row | dataset | rendering | method | pages | P | R | F1 | median ms/page |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        out.append(
            f"| dumps | {r['dataset']} | {r['rendering']} | {r['method']} | {r['pages']} | "
            f"{r['precision']:.3f} | {r['recall']:.3f} | {r['F1']:.3f} | {r.get('median ms/page', '')} |"
        )
    if fixtures:
        tot = {k: sum(f[k] for f in fixtures) for k in fixtures[0] if k != "fixture"}
        out += [
            "",
            f"Pages outside `../shared` (`fixtures/*/page.html` as layout dumps, "
            f"`python -m benchmarks.dumps_eval --fixtures`): `with` snippets kept "
            f"{tot['with kept']}/{tot['with']}, `without` snippets gone "
            f"{tot['without gone']}/{tot['without']}, captions found "
            f"{tot['captions found']}/{tot['captions']}.",
        ]
    return "\n".join(out) + "\n"


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def squash(text: str) -> str:
    return " ".join(text.split())


def fixture_checks(root: Path = FIXTURES) -> list[dict[str, Any]]:
    """Pages outside ``../shared``: each ``fixtures/*/page.html`` as a dump, checked with its
    ``expect.json`` (``with`` snippets kept, ``without`` snippets gone, captions found)."""
    import gzip
    import json

    rows: list[dict[str, Any]] = []
    for d in sorted(p for p in root.iterdir() if p.is_dir()):
        page = next((d / n for n in ("page.html", "page.html.gz") if (d / n).exists()), None)
        if page is None or not (d / "expect.json").exists():
            continue
        data = page.read_bytes()
        if page.name.endswith(".gz"):
            data = gzip.decompress(data)
        expect = json.loads((d / "expect.json").read_text(encoding="utf-8"))
        dump = render_dump(data)
        try:
            article = strip_text(dump, pipeline=Pipeline(TEXT_CLEANERS), url=expect.get("url"))
            text = squash("\n".join([article.title or "", article.byline_line or "", article.date_line or "",
                                      *(b.text for b in article.blocks)]))
            captions = [squash(c) for c in article.captions]
        except NoArticle:
            text, captions = "", []
        withs = expect.get("with", [])
        withouts = expect.get("without", [])
        want_caps = [squash(c) for c in expect.get("captions", [])]
        rows.append({
            "fixture": d.name,
            "with kept": sum(1 for w in withs if squash(w) in text),
            "with": len(withs),
            "without gone": sum(1 for w in withouts if squash(w) not in text),
            "without": len(withouts),
            "captions found": sum(1 for c in want_caps if c in captions),
            "captions": len(want_caps),
        })
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.dumps_eval", description=__doc__.split("\n")[0])
    ap.add_argument("--dataset", action="append", help="dataset name (repeatable); default: all")
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each dataset")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages by boilerstrip F1")
    ap.add_argument("--save", type=Path, default=None, help="write each dump and output under DIR")
    ap.add_argument("--only", default=None, help="comma-separated methods (default: all)")
    ap.add_argument("--disable", default="", help="comma-separated text cleaners to switch off")
    ap.add_argument("--fixtures", action="store_true", help="check fixtures/*/page.html dumps instead")
    ap.add_argument("--flat", action="store_true",
                    help="strip indentation and column gaps from the dumps (like a browser copy)")
    args = ap.parse_args(argv)
    FLAT[0] = args.flat
    DISABLED[:] = [n.strip() for n in args.disable.split(",") if n.strip()]
    if args.fixtures:
        rows = fixture_checks()
        for r in rows:
            print(f"{r['fixture']:24s} with {r['with kept']}/{r['with']}  without gone "
                  f"{r['without gone']}/{r['without']}  captions {r['captions found']}/{r['captions']}")
        tot = {k: sum(r[k] for r in rows) for k in ("with kept", "with", "without gone", "without",
                                                     "captions found", "captions")}
        print(f"{'all':24s} with {tot['with kept']}/{tot['with']}  without gone "
              f"{tot['without gone']}/{tot['without']}  captions {tot['captions found']}/{tot['captions']}")
        return 0
    names = args.dataset or datasets.available()
    methods = [m.strip() for m in args.only.split(",")] if args.only else list(METHODS)
    for name in names:
        ds = datasets.load(name, limit=args.limit)
        runs = run_dataset(ds, methods)
        for m in methods:
            c = score_corpus(r.scores[m] for r in runs)
            print(f"{name:22s} {m:12s} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f} pages={len(runs)}")
        if "boilerstrip" in methods and runs:
            print(f"{name:22s} boilerstrip median {statistics.median(r.ms for r in runs):.1f} ms/page")
        if args.worst and "boilerstrip" in methods:
            worst = sorted(runs, key=lambda r: r.scores["boilerstrip"].f1)[: args.worst]
            for r in worst:
                s = r.scores["boilerstrip"]
                print(f"  {r.id[:16]:16s} F1={s.f1:.2f} P={s.precision:.2f} R={s.recall:.2f} {r.url or ''}")
        if args.save:
            target = args.save / name
            target.mkdir(parents=True, exist_ok=True)
            for r in runs:
                (target / f"{r.id}.dump.txt").write_text(r.dump, encoding="utf-8")
                (target / f"{r.id}.out.txt").write_text(boilerstrip_body(r.dump, r.url), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Score boilerstrip's metadata readers (title, byline, date) on a benchmark's truth.

    python benchmarks/meta_eval.py [/work/shared/bench/mozilla-readability] [--show]

Byline accuracy: pages with a truth byline where every truth token (``\\w+``, minus
"by", compared case-folded) is among ours and ours holds no e-mail or date.
False bylines: pages whose truth byline is null but ours is not. Titles: exact and
normalized (letters and digits only, lower case) match. Dates: same calendar day.
Time: median CPU milliseconds a page for read_meta + find_headline + find_byline + find_date.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import lxml.html

from boilerstrip.metadata import find_byline, find_date, find_headline, read_meta
from boilerstrip.textutil import fold

_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.\w+")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}|\b(?:19|20)\d{2}\b|\d{1,2}:\d{2}")


def parse(data: bytes) -> Any:
    """Decode and parse as boilerstrip does; without its loader, UTF-8 first, then lxml's guess."""
    try:
        from boilerstrip import loading
        from boilerstrip import parse as bparse

        return bparse.parse_html(loading.decode(data).text)
    except ImportError:
        pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return lxml.html.document_fromstring(data)
    return lxml.html.document_fromstring(_XML_DECL_RE.sub("", text, count=1))


def byline_ok(truth: str, ours: str | None) -> bool:
    if not ours or _EMAIL_RE.search(ours) or _DATE_RE.search(ours):
        return False
    want = {t.casefold() for t in re.findall(r"\w+", truth)} - {"by"}
    have = {t.casefold() for t in re.findall(r"\w+", ours)}
    return want <= have


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("bench", nargs="?", default="/work/shared/bench/mozilla-readability")
    ap.add_argument("--show", action="store_true", help="print every miss")
    ap.add_argument(
        "--trafilatura",
        action="store_true",
        help="also score trafilatura's extract_metadata author and date the same way",
    )
    args = ap.parse_args()
    bench = Path(args.bench)
    rows = [json.loads(line) for line in (bench / "truth.jsonl").open(encoding="utf-8")]
    n_by = ok_by = n_noby = false_by = 0
    n_title = exact = normal = 0
    n_date = ok_date = 0
    n_date_none = false_date = 0
    times: list[float] = []
    tr_by = tr_date = 0
    for row in rows:
        data = (bench / "html" / f"{row['id']}.html").read_bytes()
        root = parse(data)
        t0 = time.process_time()
        meta = read_meta(root, url=row.get("url"))
        head = find_headline(root, meta)
        by = find_byline(root, meta, head)
        date = find_date(root, meta, head)
        times.append((time.process_time() - t0) * 1000)
        tb = row.get("byline")
        if args.trafilatura:
            from trafilatura import extract_metadata

            theirs = extract_metadata(data.decode("utf-8", "replace"))
            if tb and theirs is not None:
                tr_by += byline_ok(tb, theirs.author)
            if row.get("date") and theirs is not None and theirs.date:
                tr_date += theirs.date[:10] == row["date"][:10]
        if tb:
            n_by += 1
            good = byline_ok(tb, by.text)
            ok_by += good
            if args.show and not good:
                print(f"BYLINE MISS {row['id']}: truth={tb!r} ours={by.text!r} line={by.line!r}")
        else:
            n_noby += 1
            if by.text:
                false_by += 1
                if args.show:
                    print(f"BYLINE FALSE {row['id']}: ours={by.text!r} line={by.line!r}")
        tt = row.get("title")
        if tt:
            n_title += 1
            exact += (meta.title or "") == tt
            is_normal = fold(meta.title or "") == fold(tt)
            normal += is_normal
            if args.show and not is_normal:
                print(f"TITLE {row['id']}: truth={tt!r} ours={meta.title!r}")
        td = row.get("date")
        if td:
            n_date += 1
            good = bool(date.text) and date.text[:10] == td[:10]
            ok_date += good
            if args.show and not good:
                print(f"DATE MISS {row['id']}: truth={td!r} ours={date.text!r} line={date.line!r}")
        else:
            n_date_none += 1
            false_date += bool(date.text)
    print(f"pages: {len(rows)}")
    print(f"byline accuracy: {ok_by}/{n_by} = {ok_by / max(n_by, 1):.3f}")
    print(f"false bylines (truth null): {false_by}/{n_noby}")
    print(
        f"title exact: {exact}/{n_title} = {exact / max(n_title, 1):.3f}; normalized: {normal / max(n_title, 1):.3f}"
    )
    print(
        f"date same day: {ok_date}/{n_date} = {ok_date / max(n_date, 1):.3f}; dates where truth has none: {false_date}/{n_date_none}"
    )
    print(
        f"CPU ms/page median: {statistics.median(times):.2f}  p90: {sorted(times)[int(len(times) * 0.9)]:.2f}"
    )
    if args.trafilatura:
        print(
            f"trafilatura extract_metadata: byline {tr_by}/{n_by} = {tr_by / max(n_by, 1):.3f}; "
            f"date {tr_date}/{n_date} = {tr_date / max(n_date, 1):.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

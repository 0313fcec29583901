"""The explain page in a real browser: headless Chromium renders it, screenshot and DOM checked.

Needs Debian's ``chromium`` package (``.ci/run`` installs it); skipped when it is absent.
Set ``BOILERSTRIP_EXPLAIN_SCREENSHOT=docs/explain-page.png`` to save the first fixture's
screenshot for the README (never done silently).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest

from boilerstrip.explain_html import ROLES, explain_html
from boilerstrip.options import Options

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 1200, 2000
FIXTURES = Path(__file__).parent.parent / "fixtures"
MAX_FIXTURES = 3

_WRITTEN = """<!DOCTYPE html><html lang="en"><head><title>Ferry timetable changes</title>
<script>document.title = "changed"</script></head><body>
<div class="cookie-consent">We use cookies. <button>Accept</button></div>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li></ul></nav>
<article><h1>Ferry timetable changes from Monday</h1>
<p class="byline">By Sam Reporter</p>
<p>The island ferry will leave every forty minutes instead of every hour from Monday, the operator
said, after a second boat returned from repairs at the mainland yard this week.</p>
<table class="ad-box"><tr><td>Advertisement</td></tr></table>
<p>Evening sailings will still run hourly, and the last boat back will leave at eleven, as before.
Season tickets bought before the change stay valid until their printed end date.</p>
<ul class="related-links"><li><a href="/a">Harbour plan approved</a></li><li><a href="/b">Quay repairs</a></li></ul>
<p>Passengers with cars are asked to book ahead on weekend mornings, when the boats fill fastest,
and to arrive twenty minutes before departure.</p>
</article>
<footer class="site-footer">Copyright Island Gazette</footer>
</body></html>"""


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


# Fixtures rendered when present (the first is the README's screenshot): a Latin-script
# news page, a CJK one and a blog; any other fixtures fill in when these are missing.
PREFERRED = ("en-news", "ja-news", "en-blog-wordpress")


def _pages() -> list[tuple[str, bytes]]:
    fixtures = sorted(FIXTURES.glob("*/page.html"))
    chosen = [p for name in PREFERRED for p in fixtures if p.parent.name == name]
    chosen += [p for p in fixtures if p not in chosen]
    pages = [(p.parent.name, p.read_bytes()) for p in chosen[:MAX_FIXTURES]]
    return [*pages, ("written-page", _WRITTEN.encode())]


PAGES = _pages()


@dataclass
class Rendered:
    html: str
    png: bytes
    dom: str


def _render(chromium: str, name: str, data: bytes, root: Path) -> Rendered:
    work = root / name
    work.mkdir()
    html = explain_html(data, options=Options(user_rules=False))
    page = work / "explain.html"
    page.write_text(html, encoding="utf-8")
    shot = work / "shot.png"
    done = subprocess.run(
        [
            chromium, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--hide-scrollbars", f"--user-data-dir={work / 'profile'}",
            f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert shot.exists(), f"chromium wrote no screenshot (exit {done.returncode}): {done.stderr[-2000:]}"
    return Rendered(html=html, png=shot.read_bytes(), dom=done.stdout)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    chromium = _chromium()
    if chromium is None:
        pytest.skip("headless Chromium is not installed (apt-get install chromium; .ci/run does)")
    root = tmp_path_factory.mktemp("browser")
    with ThreadPoolExecutor(max_workers=4) as pool:
        jobs = {name: pool.submit(_render, chromium, name, data, root) for name, data in PAGES}
        out = {name: job.result() for name, job in jobs.items()}
    target = os.environ.get("BOILERSTRIP_EXPLAIN_SCREENSHOT")
    if target:
        Path(target).write_bytes(out[PAGES[0][0]].png)
    return out


# -- PNG reading (no Pillow): chunks, rows, and an exact decode of the top band ----------


def _png(data: bytes) -> tuple[int, int, int, bytes]:
    """Width, height, bytes per pixel and the inflated (still filtered) image data."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, []
    width = height = bpp = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    return width, height, bpp, zlib.decompress(b"".join(idat))


def _busy_rows(width: int, height: int, bpp: int, raw: bytes) -> int:
    """Rows that are not one flat colour: a flat row filters to at most two byte values."""
    stride = width * bpp + 1
    return sum(1 for y in range(height) if len(set(raw[y * stride + 1 + bpp : (y + 1) * stride])) > 2)


def _top_colours(width: int, bpp: int, raw: bytes, rows: int) -> set[bytes]:
    """The exact RGB colours of the first ``rows`` rows (PNG filters undone)."""
    stride = width * bpp
    prev = bytearray(stride)
    colours: set[bytes] = set()
    for y in range(rows):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif kind == 4:
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        colours.update(bytes(line[i : i + 3]) for i in range(0, stride, bpp))
        prev = line
    return colours


# -- the checks ------------------------------------------------------------------------


@pytest.mark.parametrize("name", [name for name, _ in PAGES])
def test_screenshot_is_not_blank(rendered: dict[str, Rendered], name: str) -> None:
    width, height, bpp, raw = _png(rendered[name].png)
    assert (width, height) == (WIDTH, HEIGHT)
    busy = _busy_rows(width, height, bpp, raw)
    assert busy > height // 10, f"only {busy} of {height} rows show anything"
    colours = _top_colours(width, bpp, raw, rows=120)
    assert len(colours) > 20, f"{len(colours)} colours in the legend band"
    # the legend's keys are drawn in the explain page's own colours: its inline CSS applied
    # under the Content-Security-Policy
    for colour, _name in ROLES.values():
        assert bytes.fromhex(colour[1:]) in colours, f"legend colour {colour} not drawn"


@pytest.mark.parametrize("name", [name for name, _ in PAGES])
def test_rendered_dom_labels_every_dropped_block(rendered: dict[str, Rendered], name: str) -> None:
    dom = lxml.html.document_fromstring(rendered[name].dom)
    assert dom.find(".//script") is None
    [page] = dom.find_class("bx-page")
    [note] = dom.find_class("bx-note")
    drawn = 0
    for el in page.iter():
        cleaners = (el.get("data-bx-cleaner") or "").split()
        if not cleaners:
            continue
        # the label holder sits inside the element (or just before an empty one) and
        # survived the browser's own parsing of the file
        number = el.get("data-bx-mark")
        places = [el.getprevious(), *el.iter("span")]
        holders = [h for h in places if h is not None and h.get("data-bx-for") == number]
        assert len(holders) == 1, lxml.html.tostring(el)[:300]
        labels = [str(s.get("data-bx-label")) for s in holders[0] if s.get("data-bx-label")]
        assert sorted(labels) == sorted(cleaners), lxml.html.tostring(el)[:300]
        for label in holders[0].find_class("bx-label-drop"):
            assert label.text_content().startswith(label.get("data-bx-label", "?") + ":")
            assert "dropped by" in label.get("title", "")
        drawn += len(cleaners)
    assert drawn > 0
    assert drawn == int(note.get("data-bx-drawn", "-1"))
    # the browser kept the page's text: the written page's paragraphs are all there
    if name == "written-page":
        text = " ".join(page.text_content().split())
        assert "The island ferry will leave every forty minutes" in text
        assert "Passengers with cars are asked to book ahead" in text

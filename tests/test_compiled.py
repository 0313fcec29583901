"""The compiled build (setup.py: the hot modules compiled by mypyc) gives what the source gives.

A regular install runs the compiled modules; the tests of an editable install run the source. This
test builds the wheel a regular install would get, unpacks it, and strips the fixtures and the
bench pages with both builds in child processes: titles, bylines, dates, blocks, text and every
drop record must be the same, and so must the cleaners' summaries (read from the source when the
compiled functions keep no docstrings).

Building takes a minute or two (mypy's analysis and a C compile): it runs in CI (``CI`` set) or
when ``BOILERSTRIP_TEST_COMPILED=1``, and is skipped otherwise.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
WANTED = bool(os.environ.get("BOILERSTRIP_TEST_COMPILED") or os.environ.get("CI"))
pytestmark = pytest.mark.skipif(not WANTED, reason="builds the mypyc wheel: set BOILERSTRIP_TEST_COMPILED=1 (CI does)")

_CHILD = r"""
import json, sys
import boilerstrip
from boilerstrip.registry import default_pipeline
out = {"compiled": boilerstrip.compiled(), "summaries": [c.summary for c in default_pipeline()], "pages": {}}
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    try:
        a = boilerstrip.strip(data)
    except boilerstrip.BoilerstripError as exc:
        out["pages"][path] = f"{type(exc).__name__}: {exc}"
        continue
    out["pages"][path] = {
        "title": a.title, "byline": a.byline, "date": a.date, "text": a.text,
        "blocks": [[b.kind, b.text] for b in a.blocks],
        "drops": [[d.cleaner, d.reason, d.path] for d in a.dropped],
    }
json.dump(out, sys.stdout)
"""


def _pages() -> list[str]:
    pages = sorted(str(p) for p in (REPO / "fixtures").glob("*/page.*"))
    shared = Path(os.environ.get("BOILERSTRIP_SHARED", REPO.parent / "shared"))
    pages += sorted(str(p) for p in shared.glob("bench/*/html/*.html"))
    return pages


def _strip_with(pythonpath: Path, pages: list[str]) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    done = subprocess.run([sys.executable, "-c", _CHILD, *pages], env=env, capture_output=True, text=True, cwd=pythonpath)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def compiled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of a regular install, built from a copy of the sources and unpacked."""
    tree = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(REPO / name, tree / name)
    shutil.copytree(REPO / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.so"))
    wheels = tmp_path_factory.mktemp("wheels")
    env = {k: v for k, v in os.environ.items() if k != "BOILERSTRIP_PURE_PYTHON"}
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(tree)],
        env=env, capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    site = tmp_path_factory.mktemp("site")
    (wheel,) = wheels.glob("boilerstrip-*.whl")
    with zipfile.ZipFile(wheel) as z:
        z.extractall(site)
    return site


def test_the_compiled_build_strips_every_page_as_the_source_does(compiled_site: Path) -> None:
    pages = _pages()
    compiled = _strip_with(compiled_site, pages)
    source = _strip_with(REPO / "src", pages)
    assert compiled["compiled"] is True  # the wheel's modules were compiled, not the .py files
    assert source["compiled"] is False
    assert compiled["summaries"] == source["summaries"]
    assert all(compiled["summaries"])
    differing = [p for p in pages if compiled["pages"][p] != source["pages"][p]]
    assert differing == []


# The size table's two builds (Python and C), on the same trees in one process: the walk, the
# squashed texts, the short blocks, the class names and the scorer's paragraphs, on every page, the html5lib documents, seeded random
# documents, the same trees after random drops, and subtrees.
_WALKS_CHILD = r"""
import json, random, sys
from lxml import etree
from boilerstrip import size_table
from boilerstrip.extract import score
from boilerstrip import page
from boilerstrip.page import _INDEXED
from boilerstrip.parse import parse_html
from boilerstrip.trees import text_content

groups = _INDEXED + (frozenset({"data-x", "xml:lang"}),)
rng = random.Random(20261206)
TAGS = ["div", "p", "span", "a", "b", "script", "style", "pre", "table", "td", "li", "h1", "svg",
        "br", "img", "noscript", "textarea", "title", "template", "section", "blockquote", "font", "ul"]
ATTRS = ["class", "id", "style", "hidden", "aria-hidden", "role", "itemprop", "data-x", "xml:lang", "ID"]
CHARS = [*"aZ09 _-.,;\t\n\x1c", "，", "、", "،", "字字字", "\u200b", "\ufeff", "\u3000", "é", "가", "字", "𝔸", "½", "٣", "\u0301", "😀", "\u200b", "\xa0", "&amp;",
         "&#x1F600;", "&lt;", "ǅ", "Ⅻ", "\u0660", "<!-- c -->", "<![CDATA[x1]]>", "\U000e0001"]

def text():
    return "".join(rng.choice(CHARS) for _ in range(rng.randint(0, 12)))

def element(depth):
    tag = rng.choice(TAGS)
    attrs = "".join(f' {name}="{text()}"' if rng.random() < 0.8 else f" {name}" for name in rng.sample(ATTRS, rng.randint(0, 3)))
    inner = text() + "".join(element(depth + 1) + text() for _ in range(rng.randint(0, 4 if depth < 6 else 0)))
    return f"<{tag}{attrs}>{inner}" + ("" if rng.random() < 0.1 else f"</{tag}>")

c = size_table.compiled
SPACES = ["\u200b", "\ufeff", "\x1c", "\u3000", "\xa0", " ", "\n", "\ud800"]

def same(top):
    py = size_table.build(top, groups)
    if list(py[0].items()) != list(c.build(top, groups)[0].items()) or py[1] != c.build(top, groups)[1]:
        return False
    if any(size_table.squashed_text(el) != c.squashed_text(el) for el in top.iter(etree.Element)):
        return False
    # the short blocks, with random elements dead, changed and read before (texts of the
    # element's own, or others with the spaces squash knows)
    sizes = py[0]
    elements = list(sizes)
    verbatim = {d for v in top.iter("pre", "code", "svg") for d in v.iter()}
    dead = set(rng.sample(elements, len(elements) // 5))
    changed = set(rng.sample(elements, len(elements) // 5))
    read = {el: rng.choice([text_content(el), text() + rng.choice(SPACES) + text()])
            for el in rng.sample(elements, len(elements) // 3)}
    for most in (80, 300):
        if size_table.short_blocks(sizes, most, verbatim, dead, read, changed) != c.short_blocks(
            sizes, most, verbatim, dead, read, changed
        ):
            return False
    # the class and id attributes the class groups look up
    if page.class_names(elements) != c.class_names(elements):
        return False
    # the scorer's paragraphs and the figures of their text
    tags = (score._PARA_TAGS, score._DIV_TAGS, score._BLOCK_CHILD)
    return all(
        score.read_paragraphs(top, least) == c.paragraph_figures(top, *tags, least, score.Paragraph)
        for least in (0, 25)
    )

docs = json.load(open(sys.argv[1], encoding="utf-8"))
for path in sys.argv[2:]:
    with open(path, "rb") as f:
        docs.append(f.read().decode("utf-8", "replace"))
docs += [element(0) for _ in range(2000)]
checked, differing = 0, []
for i, doc in enumerate(docs):
    try:
        root = parse_html(doc)
    except Exception:  # an empty document: nothing to walk
        continue
    trees = [root, *root.iter("body", "table")]
    if not same(root):
        differing.append(i)
    elements = list(root.iter())[1:]
    for el in rng.sample(elements, min(len(elements) // 4, 50)):
        if el.getparent() is not None and el.getroottree().getroot() is root:
            el.drop_tree()
    if not all(same(top) for top in trees if top.getroottree().getroot() is root):
        differing.append(i)
    checked += 1
print(json.dumps({"loaded": c is not None, "checked": checked, "differing": differing[:5]}))
"""


def test_the_size_tables_c_build_gives_what_the_python_one_gives(compiled_site: Path, tmp_path: Path) -> None:
    corpus = Path(os.environ.get("BOILERSTRIP_SHARED", REPO.parent / "shared")) / "html5lib-tests" / "tree-construction"
    docs: list[str] = []
    for dat in sorted(corpus.glob("*.dat")):
        chunks = dat.read_text(encoding="utf-8", errors="replace").split("#data\n")[1:]
        docs += [chunk.split("\n#errors", 1)[0] for chunk in chunks]
    listed = tmp_path / "docs.json"
    listed.write_text(json.dumps(docs), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(compiled_site)}
    done = subprocess.run(
        [sys.executable, "-c", _WALKS_CHILD, str(listed), *_pages()], env=env, capture_output=True, text=True,
        cwd=compiled_site,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert result["loaded"] is True  # the wheel's C walk was built and imported
    assert result["checked"] > 3500
    assert result["differing"] == []

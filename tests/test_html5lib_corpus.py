"""The html5lib-tests corpus: every tree-construction document parses, encodings are sniffed.

The corpus lives outside the repository, in ``<repo>/../shared/html5lib-tests`` or under
``$BOILERSTRIP_SHARED``; without it these tests are skipped.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

import pytest

from boilerstrip.errors import EmptyInput
from boilerstrip.loading import decode, whatwg_codec
from boilerstrip.parse import parse_html

SHARED = Path(os.environ.get("BOILERSTRIP_SHARED") or Path(__file__).parents[1].parent / "shared")
CORPUS = SHARED / "html5lib-tests"
TREE_FILES = sorted((CORPUS / "tree-construction").glob("*.dat"))
ENCODING_FILES = sorted((CORPUS / "encoding").glob("*.dat"))
MISSING = f"html5lib-tests corpus not found at {CORPUS} (set BOILERSTRIP_SHARED)"

_SECTION_HEADERS = {
    "#errors",
    "#new-errors",
    "#document",
    "#document-fragment",
    "#script-on",
    "#script-off",
}
_START_TAG_RE = re.compile(r"<[A-Za-z]")


def tree_documents(path: Path) -> list[str]:
    """The ``#data`` sections of a tree-construction ``.dat`` file, byte-faithful."""
    lines = path.read_text(encoding="utf-8", errors="surrogateescape").split("\n")
    docs: list[str] = []
    current: list[str] | None = None
    for line in lines:
        if line == "#data":
            current = []
        elif current is not None and line in _SECTION_HEADERS:
            docs.append("\n".join(current))
            current = None
        elif current is not None:
            current.append(line)
    return docs


def encoding_vectors(path: Path) -> list[tuple[bytes, str]]:
    """``(document bytes, expected encoding label)`` pairs of an encoding ``.dat`` file."""
    vectors = []
    for chunk in path.read_bytes().split(b"#data\n")[1:]:
        data, _, rest = chunk.partition(b"\n#encoding\n")
        vectors.append((data, rest.split(b"\n", 1)[0].strip().decode("ascii")))
    return vectors


@pytest.mark.skipif(not TREE_FILES, reason=MISSING)
def test_corpus_is_complete() -> None:
    total = sum(len(tree_documents(path)) for path in TREE_FILES)
    assert total > 1700


@pytest.mark.skipif(not TREE_FILES, reason=MISSING)
@pytest.mark.parametrize("path", TREE_FILES, ids=lambda p: p.name)
def test_tree_construction_documents_parse(path: Path) -> None:
    problems = []
    for index, doc in enumerate(tree_documents(path)):
        try:
            root = parse_html(decode(doc.encode("utf-8", errors="surrogateescape")).text)
        except EmptyInput:
            # Allowed only for documents without any element: doctype, comments, end tags.
            if _START_TAG_RE.search(doc):
                problems.append(f"#{index} {doc[:60]!r}: EmptyInput")
            continue
        except Exception as exc:  # list every failure, not just the first
            problems.append(f"#{index} {doc[:60]!r}: {exc!r}")
            continue
        if root.tag != "html" or root.find("body") is None:
            problems.append(f"#{index} {doc[:60]!r}: root without body")
    assert not problems, "\n".join(problems)


def _vector_ids() -> list[tuple[str, bytes, str]]:
    return [
        (f"{path.stem}-{index}", data, label)
        for path in ENCODING_FILES
        for index, (data, label) in enumerate(encoding_vectors(path))
    ]


VECTORS = _vector_ids()


@pytest.mark.skipif(not VECTORS, reason=MISSING)
@pytest.mark.parametrize(("data", "label"), [v[1:] for v in VECTORS], ids=[v[0] for v in VECTORS])
def test_encoding_vectors(data: bytes, label: str) -> None:
    expected = whatwg_codec(label)
    assert expected is not None, label
    got = decode(data)
    if got.source == "default" and expected == "cp1252":
        # Nothing declared: browsers default to windows-1252, boilerstrip to UTF-8; for
        # these ASCII-only documents the two give the same text.
        assert data.isascii()
        assert got.text == data.decode("cp1252")
        return
    try:
        data.decode(expected)
    except UnicodeDecodeError:
        # The bytes cannot be in the declared charset (test-yahoo-jp declares EUC-JP but
        # this copy is stored as UTF-8): a mislabelled page, decoded by what the bytes are.
        assert (got.encoding, got.source) == ("utf-8", "detected")
        assert got.text == data.decode("utf-8")
        return
    assert codecs.lookup(got.encoding).name == codecs.lookup(expected).name

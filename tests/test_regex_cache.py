"""The compiled-regex cache: patterns built from stored opcodes behave as ``re.compile``'s."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from boilerstrip import regex_cache
from boilerstrip.regex_cache import rx

PATTERNS = [
    (r"(?<![가-힣])[가-힣]{2,4}\s*기자", 0),
    (r"^\W*(?:share|tweet|공유하기)\W*$", re.IGNORECASE),
    (r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)", 0),
    (r"[\u4e00-\u9fff]{2,5}\s*記者", 0),
]
TEXTS = ["홍길동 기자", "SHARE!", "2024-08-04", "王小明 記者", "nothing here", "Tweet"]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_built_pattern_matches_as_re_compile(pattern: str, flags: int) -> None:
    mine, theirs = rx(pattern, flags), re.compile(pattern, flags)
    assert mine.pattern == theirs.pattern and mine.flags == theirs.flags
    assert mine.groupindex == theirs.groupindex
    for text in TEXTS:
        a, b = mine.search(text), theirs.search(text)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


BYTES_PATTERNS = [
    (rb"<(?i:meta)[ \t/](?P<rest>[^>]*+)>", 0),
    (rb"\x1b(?:\$[@B]|\(I)|[\x80-\xff]+", 0),
    (rb"charset\s*=\s*([a-z0-9_-]+)", re.IGNORECASE),
]
BYTES_TEXTS = [b"<META charset=utf-8>", b"<meta/x>", b"\x1b$B", b"caf\xc3\xa9", b"CHARSET = KOI8-R", b"none"]


@pytest.mark.parametrize(("pattern", "flags"), BYTES_PATTERNS)
def test_a_built_bytes_pattern_matches_as_re_compile(pattern: bytes, flags: int) -> None:
    entry = regex_cache._opcodes(pattern, flags)
    for mine in (rx(pattern, flags), regex_cache._build(pattern, entry)):  # (the second: as from the cache)
        theirs = re.compile(pattern, flags)
        assert mine.pattern == theirs.pattern and mine.flags == theirs.flags
        for text in BYTES_TEXTS:
            a, b = mine.search(text), theirs.search(text)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_a_bad_pattern_raises_like_re_compile() -> None:
    with pytest.raises(re.error):
        rx(r"(unclosed")


SCRIPT = """
import re, sys
from boilerstrip import regex_cache
p = regex_cache.rx(r"(?P<who>[가-힣]{2,4}) 기자", re.IGNORECASE)
b = regex_cache.rx(rb"<meta (?P<what>[a-z]+)", re.IGNORECASE)
loaded = regex_cache._loaded or {}
print(int((p.pattern, int(re.IGNORECASE)) in loaded) + int((b.pattern, int(re.IGNORECASE)) in loaded), p.search("글 홍길동 기자").group("who"), b.search(b"<META Charset").group("what").decode())
regex_cache.save()
"""


def _run(cache: Path) -> str:
    env = {**os.environ, "BOILERSTRIP_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_second_run_builds_from_the_cache_and_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    assert _run(tmp_path) == "0 홍길동 Charset"  # compiled, then saved
    files = list(tmp_path.glob("regex-*.marshal"))
    assert len(files) == 1
    assert _run(tmp_path) == "2 홍길동 Charset"  # both built from the stored opcodes
    files[0].write_bytes(b"\x00 not marshal data")
    assert _run(tmp_path) == "0 홍길동 Charset"  # ignored, compiled again, and the file rewritten
    assert _run(tmp_path) == "2 홍길동 Charset"


def test_an_empty_cache_dir_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(regex_cache.ENV_DIR, "")
    assert regex_cache.cache_path() is None


TRIE_SCRIPT = """
from boilerstrip import regex_cache, regex_trie
literals = [("share", "w"), ("shares", "w"), ("tweet", "w"), ("공유하기", "w")]
expected = regex_trie._trie(literals, {"w": "(?:)"}, 2)
written = []
plain = regex_trie._trie
regex_trie._trie = lambda *args: written.append(1) or plain(*args)
text = regex_trie.trie(literals, {"w": "(?:)"})
print(int(bool(written)), text == expected)
regex_cache.save()
"""


def test_a_trie_written_once_is_read_back_by_the_next_run(tmp_path: Path) -> None:
    env = {**os.environ, "BOILERSTRIP_CACHE_DIR": str(tmp_path)}

    def run() -> str:
        done = subprocess.run([sys.executable, "-c", TRIE_SCRIPT], env=env, capture_output=True, text=True, check=True)
        return done.stdout.strip()

    assert run() == "1 True"  # written out, then saved
    assert run() == "0 True"  # read from the cache, the same text


def test_a_trie_kept_by_other_code_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from boilerstrip import regex_trie

    literals = (("qqzz", "w"), ("qqzy", "w"))
    endings = {"w": "(?:)"}
    fresh = regex_trie._trie(literals, endings, 2)
    listed = "qqzz\x01w\x00qqzy\x01w"
    other = ("trie", (regex_trie._CODE or 0) + 1, listed, (("w", "(?:)"),), 2)
    mine = ("trie", regex_trie._CODE, listed, (("w", "(?:)"),), 2)
    monkeypatch.setitem(regex_cache._texts, other, "stale")
    assert regex_trie.trie(literals, endings) == fresh  # another fingerprint: written anew
    monkeypatch.setitem(regex_cache._texts, mine, "kept")
    assert regex_trie.trie(literals, endings) == "kept"  # this code's: read back as kept
    # a literal holding a separator could make the same string as another list: never cached
    odd = (("qq\x01zz", "w"), ("qq", "w"))
    monkeypatch.setitem(regex_cache._texts, ("trie", regex_trie._CODE, "qq\x01zz\x01w\x00qq\x01w", (("w", "(?:)"),), 2), "kept")
    assert regex_trie.trie(odd, endings) == regex_trie._trie(odd, endings, 2)

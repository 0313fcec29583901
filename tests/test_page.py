"""The page's letter counts: the fast paths count what the ``[\\W_]`` definition counts."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from boilerstrip.page import _count

_NONWORD = re.compile(r"[\W_]+")
_ALPHABET = st.sampled_from(list("ab Z9_ -’“”é中文한국어\u00a0\t\n.,!?¿ß\u200b🙂") + ["\ud800"])


@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_count_is_letters_and_digits(text: str) -> None:
    assert _count(text) == len(_NONWORD.sub("", text))


def test_count_of_a_long_latin_text_with_a_few_quotes() -> None:
    text = "It’s “quoted” text, 2024 — and more. " * 500
    assert _count(text) == len(_NONWORD.sub("", text))

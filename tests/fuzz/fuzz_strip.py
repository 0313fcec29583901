"""Coverage-guided fuzzing of ``boilerstrip.strip`` with atheris (libFuzzer for Python).

Any bytes go in; an :class:`~boilerstrip.errors.BoilerstripError` is an accepted outcome,
any other exception is a crash (atheris prints it and saves the input as ``crash-<sha1>``).
The first byte picks the input format (auto, html or text) and the rendering, the rest is
the page. Run from the repository root::

    pip install -e '.[fuzz]'      # atheris
    mkdir -p .fuzz/corpus
    python tests/fuzz/fuzz_strip.py .fuzz/corpus fixtures/*/ -dict=tests/fuzz/html.dict \\
        -artifact_prefix=.fuzz/ -max_len=65536 -timeout=20 -rss_limit_mb=2048 -max_total_time=600

The first directory collects new inputs, the fixture directories seed it; a crash, hang or
memory blow-up is saved as ``.fuzz/crash-<sha1>`` (``timeout-``, ``oom-``) and replayed with
``python tests/fuzz/fuzz_strip.py .fuzz/crash-<sha1>``. ``-timeout`` makes a page that takes
longer than 20 s a reported hang, ``-rss_limit_mb`` a page that needs more than 2 GB.
``tests/fuzz/test_fuzz_smoke.py`` runs a few seconds of it in the test suite when atheris
is installed.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import atheris

# Every module a page can reach, imported (and so instrumented) now: strip imports some of
# them lazily, and a module first imported outside this block gets no coverage feedback.
_NOT_REACHED = ("boilerstrip.batch", "boilerstrip.cli", "boilerstrip.__main__")

with atheris.instrument_imports(include=["boilerstrip"]):
    import boilerstrip

    for _module in pkgutil.walk_packages(boilerstrip.__path__, "boilerstrip."):
        if not _module.name.startswith(_NOT_REACHED):
            importlib.import_module(_module.name)
    from boilerstrip.core import strip
    from boilerstrip.errors import BoilerstripError
    from boilerstrip.options import Options
    from boilerstrip.render import render

FORMATS = ("auto", "html", "text")
RENDERINGS = ("text", "markdown", "json", "html")
OPTIONS = {fmt: Options(input_format=fmt, user_rules=False) for fmt in FORMATS}


def test_one_input(data: bytes) -> None:
    if not data:
        return
    choice, page = data[0], data[1:]
    options = OPTIONS[FORMATS[choice % len(FORMATS)]]
    try:
        article = strip(page, options=options)
    except BoilerstripError as exc:
        message = str(exc)
        assert message and "\n" not in message, f"not a one-line message: {message!r}"
        return
    render(article, RENDERINGS[(choice // len(FORMATS)) % len(RENDERINGS)], dropped=True)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

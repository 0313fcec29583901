"""Build hook: a regular install compiles the modules that do a page's work to C with mypyc.

``pip install .`` (and a wheel built from the source) compiles :data:`COMPILED` with mypyc, the
compiler that comes with mypy: the same code, type-checked, run as C — about a fifth less time a
page (the README's Benchmarks section gives both builds' figures). Every ``.py`` file is
installed too, and Python imports the compiled module where there is one.

Left pure Python:
- an editable install (``pip install -e .``, the developers' and CI's), so that an edited file
  takes effect at once; the test suite checks the compiled build against it (tests/test_compiled.py);
- any install with ``BOILERSTRIP_PURE_PYTHON=1`` in the environment;
- an install where compiling fails (no C compiler): a warning, and the pure-Python package.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The page's work: the page model, the cleaners and their matchers, the metadata readers, the
# block builder and scorer. Not the CLI, the loaders or the batch runner (little time a page),
# nor parse.py (its element class extends lxml's, which mypyc cannot), nor regex_trie.py (a
# checksum of its source file keys the tries it wrote in the regex cache: a compiled module's
# file does not change with its code).
COMPILED = [
    "src/boilerstrip/core.py",
    "src/boilerstrip/page.py",
    "src/boilerstrip/textutil.py",
    "src/boilerstrip/trees.py",
    "src/boilerstrip/caption_text.py",
    "src/boilerstrip/cleaners",
    "src/boilerstrip/metadata",
    "src/boilerstrip/extract",
]

# The setuptools commands that build what gets installed (not those that only read metadata).
_BUILDING = {"bdist_wheel", "build", "build_ext", "install"}


def _wanted() -> bool:
    if os.environ.get("BOILERSTRIP_PURE_PYTHON", "").lower() in ("1", "true", "yes"):
        return False
    return "editable_wheel" not in sys.argv and any(arg in _BUILDING for arg in sys.argv[1:])


class _OptionalBuildExt(build_ext):  # type: ignore[misc]
    """Compiled modules are an optimisation: when one fails to build, the package stays pure Python."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - any compiler failure means "install the .py files"
            _fallback(exc)

    def build_extension(self, ext):  # type: ignore[no-untyped-def]
        try:
            super().build_extension(ext)
        except Exception as exc:  # noqa: BLE001
            _fallback(exc)


_told: list[bool] = []


def _fallback(exc: BaseException) -> None:
    if not _told:  # once, not for each of the modules
        _told.append(True)
        print(f"boilerstrip: compiling with mypyc failed ({exc}); installing the pure-Python modules", file=sys.stderr)


def _extensions() -> list:  # type: ignore[type-arg]
    if not _wanted():
        return []
    try:
        from mypyc.build import mypycify

        return list(mypycify(COMPILED, opt_level="3", debug_level="0"))
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - no mypyc, or it refused the code
        _fallback(exc)
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": _OptionalBuildExt})

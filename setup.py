"""Build hook: a regular install compiles the modules that do a page's work to C with mypyc,
and builds the hot tree walks in C with Cython (``_walks.pyx``: the size table, the short blocks,
the scorer's paragraphs).

``pip install .`` (and a wheel built from the source) compiles :data:`COMPILED` with mypyc, the
compiler that comes with mypy: the same code, type-checked, run as C — about a fifth less time a
page (the README's Benchmarks section gives both builds' figures). Every ``.py`` file is
installed too, and Python imports the compiled module where there is one. The hot tree walks
(the size table and short blocks of :mod:`boilerstrip.size_table`, the scorer's paragraphs of
:mod:`boilerstrip.extract.score`) are written twice: in Python, and in Cython against lxml's
public C API and the libxml2 headers lxml ships (no Python string made for a text only counted
or squashed); the C ones are used when they built and load.

Left pure Python:
- an editable install (``pip install -e .``, the developers' and CI's), so that an edited file
  takes effect at once; the test suite checks the compiled build against it (tests/test_compiled.py);
- any install with ``BOILERSTRIP_PURE_PYTHON=1`` in the environment;
- an install where compiling fails (no C compiler): a warning, and the pure-Python package (if
  only the Cython module fails, the mypyc modules stay, with the tree walks in Python).
"""

from __future__ import annotations

import os
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# The page's work: the page model, the cleaners and their matchers, the metadata readers, the
# block builder and scorer. Not the CLI, the loaders or the batch runner (little time a page),
# nor parse.py (its element class extends lxml's, which mypyc cannot), nor regex_trie.py (a
# checksum of its source file keys the tries it wrote in the regex cache: a compiled module's
# file does not change with its code).
COMPILED = [
    "src/boilerstrip/core.py",
    "src/boilerstrip/page.py",
    "src/boilerstrip/size_table.py",
    "src/boilerstrip/textutil.py",
    "src/boilerstrip/trees.py",
    "src/boilerstrip/caption_text.py",
    "src/boilerstrip/cleaners",
    "src/boilerstrip/metadata",
    "src/boilerstrip/extract",
]

_WALKS = "boilerstrip._walks"
_WALKS_STAY = "the tree walks stay Python"

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
            if ext.name == _WALKS:
                _fallback(exc, _WALKS_STAY)
            else:
                _fallback(exc)


_told: list[bool] = []


def _fallback(exc: BaseException, instead: str = "installing the pure-Python modules") -> None:
    if not _told:  # once, not for each of the modules
        _told.append(True)
        print(f"boilerstrip: compiling failed ({exc}); {instead}", file=sys.stderr)


def _extensions() -> list:  # type: ignore[type-arg]
    if not _wanted():
        return []
    try:
        from mypyc.build import mypycify

        compiled = list(mypycify(COMPILED, opt_level="3", debug_level="0"))
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - no mypyc, or it refused the code
        _fallback(exc)
        return []
    return compiled + _tree_walks()


def _tree_walks() -> list:  # type: ignore[type-arg]
    """The Cython module of the hot tree walks, built against the installed lxml's headers."""
    try:
        import lxml
        from Cython.Build import cythonize

        module = Extension(
            _WALKS, ["src/boilerstrip/_walks.pyx"], include_dirs=lxml.get_include()
        )
        return list(cythonize([module], build_dir="build/cython", quiet=True, language_level=3))
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - no Cython, or no lxml headers
        _fallback(exc, _WALKS_STAY)
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": _OptionalBuildExt})

"""boilerstrip: strip the boilerplate from raw news pages and get the article back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .article import Article, Block, Drop
from .errors import BoilerstripError
from .options import Options

if TYPE_CHECKING:
    from .core import strip

__all__ = ["Article", "Block", "BoilerstripError", "Drop", "Options", "build", "compiled", "strip"]
__version__ = "0.1.0"


def compiled() -> bool:
    """True when the modules doing a page's work run compiled by mypyc (a regular install, see
    setup.py), False when they run as Python source (an editable install, or no C compiler)."""
    from importlib.util import find_spec

    spec = find_spec("boilerstrip.page")  # found, not imported
    return bool(spec is not None and spec.origin and not spec.origin.endswith(".py"))


def build() -> str:
    """The build installed, in words: ``"mypyc and Cython"`` for a regular install (the page's
    modules compiled by mypyc, the hot tree walks by Cython: setup.py), ``"mypyc"`` when
    those were not built, ``"pure Python"`` otherwise."""
    from importlib.util import find_spec

    if not compiled():
        return "pure Python"
    return "mypyc and Cython" if find_spec("boilerstrip._walks") is not None else "mypyc"


def __getattr__(name: str) -> Any:
    # ``strip`` brings the whole pipeline (parser, metadata, cleaners): imported on first use,
    # so ``boilerstrip --help`` and ``import boilerstrip.errors`` stay cheap.
    if name == "strip":
        from .core import strip

        return strip
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

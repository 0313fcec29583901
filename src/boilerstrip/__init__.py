"""boilerstrip: strip the boilerplate from raw news pages and get the article back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .article import Article, Block, Drop
from .errors import BoilerstripError
from .options import Options

if TYPE_CHECKING:
    from .core import strip

__all__ = ["Article", "Block", "BoilerstripError", "Drop", "Options", "strip"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # ``strip`` brings the whole pipeline (parser, metadata, cleaners): imported on first use,
    # so ``boilerstrip --help`` and ``import boilerstrip.errors`` stay cheap.
    if name == "strip":
        from .core import strip

        return strip
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""boilerstrip: strip the boilerplate from raw news pages and get the article back."""

from __future__ import annotations

from .article import Article, Block, Drop
from .core import strip
from .errors import BoilerstripError
from .options import Options

__all__ = ["Article", "Block", "BoilerstripError", "Drop", "Options", "strip"]
__version__ = "0.1.0"

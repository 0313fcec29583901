"""The one frozen options object every entry point builds and validates."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

from .errors import InvalidOptions

InputFormat = Literal["auto", "html", "text"]
INPUT_FORMATS: tuple[str, ...] = ("auto", "html", "text")


@dataclass(frozen=True)
class Options:
    """How one page is stripped.

    ``disable`` and ``only`` name cleaners (see ``boilerstrip cleaners``); ``drop`` and
    ``keep`` are CSS selectors (``xpath:`` prefix for XPath) applied by ``user_rules``.
    """

    encoding: str | None = None
    input_format: str = "auto"
    disable: tuple[str, ...] = ()
    only: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    rules_file: str | None = None
    user_rules: bool = True
    explain: bool = False
    trace_nodes: bool = False

    def __post_init__(self) -> None:
        if self.input_format not in INPUT_FORMATS:
            raise InvalidOptions(
                f"input format must be one of {', '.join(INPUT_FORMATS)}, not {self.input_format!r}"
            )
        for name in ("disable", "only", "drop", "keep"):
            value = getattr(self, name)
            if isinstance(value, str) or not all(isinstance(v, str) for v in value):
                raise InvalidOptions(f"{name} must be a tuple of strings")
            object.__setattr__(self, name, tuple(value))
        if self.encoding is not None:
            import codecs

            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise InvalidOptions(f"unknown encoding {self.encoding!r}") from None

    @classmethod
    def build(cls, **values: Any) -> Options:
        """Build options from keyword values, rejecting unknown names."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise InvalidOptions(
                f"unknown option(s) {', '.join(unknown)}; valid: {', '.join(sorted(known))}"
            )
        return cls(**values)

"""Typed errors raised by the library; the CLI maps each to a message and an exit code."""

from __future__ import annotations


class BoilerstripError(Exception):
    """Base class of every error boilerstrip raises on purpose."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(BoilerstripError):
    """Options or arguments that cannot work together."""

    exit_code = 2


class UnknownCleaner(UsageError):
    """A cleaner name that is not registered."""


class InvalidOptions(UsageError):
    """An option value that is out of range or of the wrong type."""


class InvalidRules(UsageError):
    """A user rules file or selector that cannot be used."""


class InputError(BoilerstripError):
    """The input cannot be turned into a page."""

    exit_code = 3


class EmptyInput(InputError):
    """The input holds no bytes, or only whitespace or a byte-order mark."""


class NotHtml(InputError):
    """The input is binary (an image, an archive, a PDF) rather than a web page."""


class DecodeFailed(InputError):
    """The bytes cannot be decoded with the requested or any detected encoding."""


class InputUnreadable(InputError):
    """A file cannot be opened or read."""


class OutputError(BoilerstripError):
    """An output cannot be written (a directory in the way, no permission, disk full)."""

    exit_code = 6


class NoArticle(BoilerstripError):
    """The page parsed, but nothing on it looks like an article."""

    exit_code = 4


class Timeout(BoilerstripError):
    """A page took longer than the allowed time."""

    exit_code = 5


class InputTooLarge(InputError):
    """The input, or what it decompresses to, is larger than the size limit (200 MB)."""

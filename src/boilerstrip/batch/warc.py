"""Web archives (WARC, WARC.gz, ARC) as a stream of HTML pages.

Every ``response`` record whose HTTP ``Content-Type`` is HTML (and every ``resource``
record stored as HTML) becomes one page with its target URI and record date; every other
record is counted as not HTML and skipped. Reading needs ``warcio`` (the ``warc`` extra).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import InputError, UsageError
from ..loading import MAX_INPUT_BYTES

HTML_TYPES: tuple[str, ...] = ("text/html", "application/xhtml+xml")


class ArchiveUnreadable(InputError):
    """A web archive that cannot be read to its end."""


@dataclass(frozen=True)
class ArchivePage:
    """One HTML record: its target URI, its WARC date, and the HTTP body (decoded transfer)."""

    uri: str | None
    date: str | None
    payload: bytes


def _archive_iterator() -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise UsageError(
            "reading WARC files needs warcio: pip install 'boilerstrip[warc]'"
        ) from None
    return ArchiveIterator


def _is_html(content_type: str | None) -> bool:
    if not content_type:
        return False
    return content_type.split(";", 1)[0].strip().lower() in HTML_TYPES


def read_archive(path: str | os.PathLike[str]) -> Iterator[ArchivePage | None]:
    """Each record of the archive: an :class:`ArchivePage`, or None for a record that is not HTML.

    Raises :class:`ArchiveUnreadable` when the file cannot be opened or read to its end.
    """
    iterator = _archive_iterator()
    name = os.fspath(path)
    try:
        fh = open(name, "rb")  # noqa: SIM115 (closed below, also when the caller stops early)
    except OSError as exc:
        raise ArchiveUnreadable(f"cannot read {name}: {exc.strerror or exc}") from exc
    count = 0
    try:
        records = iterator(fh, arc2warc=True)
        for record in records:
            count += 1
            if record.rec_type is None or record.length is None:
                raise ArchiveUnreadable(f"{name} is damaged at record {count}: no WARC header")
            page = _page(record)
            if _cut_short(record):
                raise ArchiveUnreadable(f"{name} is cut short in record {count}")
            yield page
        # warcio ends quietly on a last record cut short in its header or in the first bytes of
        # its gzip member: what it read must reach the end of the file
        read = getattr(records, "offset", None)
        if isinstance(read, int) and read < os.fstat(fh.fileno()).st_size:
            raise ArchiveUnreadable(f"{name} is cut short after record {count}")
    except (ArchiveUnreadable, UsageError):
        raise
    except Exception as exc:  # warcio raises many kinds on a damaged archive
        raise ArchiveUnreadable(
            f"{name} is damaged after {count} records: {type(exc).__name__}: {exc}"
        ) from exc
    finally:
        fh.close()


def _cut_short(record: Any) -> bool:
    """Read what is left of the record; True when it ends before its Content-Length."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    return int(getattr(raw, "limit", 0) or 0) > 0


def _page(record: Any) -> ArchivePage | None:
    if record.rec_type == "response":
        headers = record.http_headers
        content_type = headers.get_header("Content-Type") if headers is not None else None
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return None
    if not _is_html(content_type):
        return None
    payload = record.content_stream().read(MAX_INPUT_BYTES + 1)
    if len(payload) > MAX_INPUT_BYTES:
        payload = payload[:MAX_INPUT_BYTES]
    return ArchivePage(
        uri=record.rec_headers.get_header("WARC-Target-URI"),
        date=record.rec_headers.get_header("WARC-Date"),
        payload=payload,
    )

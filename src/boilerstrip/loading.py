"""Bytes in, text out: read a page from a file or stdin, decompress it, decode it safely.

The order in which :func:`decode` picks an encoding follows the WHATWG "encoding sniffing"
idea, made robust for pages saved from the web:

1. the caller's override;
2. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
3. a declaration (``<meta charset>``, ``http-equiv``, an XML declaration) found by the WHATWG
   prescan, *verified* against the bytes: a page labelled legacy but stored as valid UTF-8
   is UTF-8, and a page whose bytes do not fit its label goes on to detection;
4. UTF-16 without a BOM (NUL bytes on one side of most code units), ISO-2022-JP escapes;
5. UTF-8, strictly, or "mostly UTF-8" with stray bytes read as cp1252 (mixed-encoding pages);
6. charset-normalizer on a bounded sample of the non-ASCII parts;
7. UTF-8 with the same repair.

Labels map through the WHATWG label table onto the superset codecs browsers really use
(``euc-kr`` is cp949, ``gb2312`` is gb18030, ``shift_jis`` is cp932, ``big5`` is big5hkscs).
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import zlib
from collections.abc import Iterator
from typing import BinaryIO, Literal, NamedTuple

from .errors import EmptyInput, InputTooLarge, InputUnreadable, InvalidOptions, NotHtml
from .regex_cache import rx

MAX_INPUT_BYTES = 200 * 1024 * 1024
"""Largest input read from a file or stdin, and largest size a gzip stream may inflate to."""

PRESCAN_BYTES = 32 * 1024
"""How far the declaration prescan looks (WHATWG says 1024; real pages put long scripts first)."""

DETECT_SAMPLE_BYTES = 64 * 1024
"""Most bytes handed to charset-normalizer."""

_CHUNK = 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"

Source = Literal["override", "bom", "declared", "detected", "default"]


class Decoded(NamedTuple):
    """Decoded page text, the Python codec that decoded it, and what chose that codec."""

    text: str
    encoding: str
    source: Source
    utf8: bytes | None = None
    """The bytes read when the text is exactly them read as UTF-8 (its UTF-8 encoding)."""
    control_free: bool = False
    """True when ``utf8`` is known to hold no control byte (:data:`PARSER_CONTROL_BYTES` included)."""


# -- reading --------------------------------------------------------------------------


def read_source(path: str | os.PathLike[str] | None) -> bytes:
    """The bytes of ``path``, or of stdin when ``path`` is None or ``"-"``.

    gzip input (a ``.gz`` file or anything starting with the gzip magic) is inflated,
    up to :data:`MAX_INPUT_BYTES`. The file is opened read-only and never changed.
    """
    if path is None or os.fspath(path) == "-":
        data = _read_stream(sys.stdin.buffer, "stdin")
        name = "stdin"
    else:
        name = os.fspath(path)
        data = _read_file(name)
    if data.startswith(_GZIP_MAGIC):
        data = gunzip(data, name=name)
    return data


def _read_file(name: str) -> bytes:
    if os.path.isdir(name):
        raise InputUnreadable(f"cannot read {name}: it is a directory")
    try:
        with open(name, "rb") as handle:
            return _read_stream(handle, name)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise InputUnreadable(f"cannot read {name}: {reason}") from exc


def _read_stream(stream: BinaryIO, name: str) -> bytes:
    try:
        data = stream.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise InputUnreadable(f"cannot read {name}: {reason}") from exc
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLarge(f"{name} is larger than {_size(MAX_INPUT_BYTES)}")
    return bytes(data)


def _size(count: int) -> str:
    return f"{count // 2**20} MB" if count >= 2**20 else f"{count} bytes"


def gunzip(data: bytes, *, name: str = "input", limit: int | None = None) -> bytes:
    """Inflate gzip ``data`` (all members), refusing to grow past ``limit`` bytes.

    ``limit`` defaults to :data:`MAX_INPUT_BYTES`.
    A truncated stream gives what could be inflated; a stream that yields nothing is
    :class:`NotHtml`.
    """
    limit = MAX_INPUT_BYTES if limit is None else limit
    parts: list[bytes] = []
    total = 0
    try:
        for piece in _inflate_members(data):
            total += len(piece)
            if total > limit:
                raise InputTooLarge(f"{name} decompresses to more than {_size(limit)}")
            parts.append(piece)
    except zlib.error as exc:
        if not parts:
            raise NotHtml(f"{name} looks like gzip data but cannot be decompressed") from exc
    return b"".join(parts)


def _inflate_members(data: bytes) -> Iterator[bytes]:
    rest = data
    while rest.startswith(_GZIP_MAGIC):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        pending = rest
        while pending:
            yield inflater.decompress(pending, _CHUNK)
            pending = inflater.unconsumed_tail
        yield inflater.flush()
        if not inflater.eof:
            return
        rest = inflater.unused_data


# -- binary and empty input -------------------------------------------------------------

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xca\xfe\xba\xbe", "a compiled program"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"BZh91AY&SY", "a bzip2 archive"),
    (b"\x00asm", "a WebAssembly module"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}
_SAMPLE = 65536  # characters of a page's start in which control characters are counted
_BINARY_CONTROL_RATIO = 0.08
_BINARY_CONTROL_MIN = 16
# Control characters that do not occur in text; single bytes in UTF-8, so they are counted
# by deleting them from the encoded sample in one C call.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_ASCII_BLANK = b" \t\n\r\f\v\x00"
# C0 control characters other than tab, newline and carriage return are not text; lxml
# refuses them in a tail or attribute once the tree is edited: the parser's input is cut of
# them (``parse.parser_input``). Single bytes in UTF-8, never part of a longer sequence.
PARSER_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
# Either list: one search of a page for them settles the binary test, the NUL test and the
# parser's cut when it finds none, as on nearly every page.
_ANY_CONTROL = bytes(sorted({*_CONTROL_BYTES, *PARSER_CONTROL_BYTES}))


def _binary_kind(data: bytes) -> str | None:
    """What a known binary signature at the start of ``data`` says it is, or None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if data[4:8] == b"ftyp":
        return "an MP4 or QuickTime media file"
    return None


def _looks_binary(text: str, utf8: bytes | None = None) -> bool:
    """True when control characters make up much of the start of ``text``.

    ``utf8``: bytes that ``text`` starts with, encoded in UTF-8. A page holding no control
    byte in as many bytes as the sample's characters can take (nearly every page) is told by
    memchr, without encoding and counting the sample.
    """
    if utf8 is not None and not holds_any_byte(utf8, _CONTROL_BYTES, 4 * _SAMPLE):
        return False
    sample = text[:_SAMPLE]
    encoded = sample.encode("utf-8", "surrogatepass")
    controls = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    return controls >= _BINARY_CONTROL_MIN and controls > _BINARY_CONTROL_RATIO * len(sample)


def holds_any_byte(data: bytes, values: bytes, end: int | None = None) -> bool:
    """True when ``data`` (up to ``end``) holds one of the byte ``values``: searched once per
    value by memchr, without a copy of the data (a few times fewer instructions than one
    deleting pass of ``translate`` over a page that holds none, as nearly every page)."""
    stop = len(data) if end is None else end
    return any(data.find(value, 0, stop) >= 0 for value in values)


def _not_html(kind: str) -> NotHtml:
    return NotHtml(f"input looks like {kind}, not a web page")


# -- WHATWG labels ----------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


# Python codec -> the WHATWG Encoding Standard labels that name it (space-separated).
_WHATWG_LABELS: dict[str, str] = {
    "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    "cp866": "866 cp866 csibm866 ibm866",
    "iso8859-2": (
        "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2"
    ),
    "iso8859-3": (
        "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3"
    ),
    "iso8859-4": (
        "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4"
    ),
    "iso8859-5": (
        "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 "
        "iso_8859-5:1988"
    ),
    "iso8859-6": (
        "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 "
        "iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 "
        "iso_8859-6:1987"
    ),
    "iso8859-7": (
        "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 "
        "iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek"
    ),
    "iso8859-8": (
        "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 "
        "iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i "
        "logical"
    ),
    "iso8859-10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "iso8859-13": "iso-8859-13 iso8859-13 iso885913",
    "iso8859-14": "iso-8859-14 iso8859-14 iso885914",
    "iso8859-15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "iso8859-16": "iso-8859-16",
    "koi8-r": "cskoi8r koi koi8 koi8-r koi8_r",
    "koi8-u": "koi8-ru koi8-u",
    "mac-roman": "csmacintosh mac macintosh x-mac-roman",
    "cp874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "cp1250": "cp1250 windows-1250 x-cp1250",
    "cp1251": "cp1251 windows-1251 x-cp1251",
    "cp1252": (
        "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 "
        "iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 "
        "x-cp1252"
    ),
    "cp1253": "cp1253 windows-1253 x-cp1253",
    "cp1254": (
        "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
        "iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254"
    ),
    "cp1255": "cp1255 windows-1255 x-cp1255",
    "cp1256": "cp1256 windows-1256 x-cp1256",
    "cp1257": "cp1257 windows-1257 x-cp1257",
    "cp1258": "cp1258 windows-1258 x-cp1258",
    "mac-cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    "gb18030": (
        "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk gb18030"
    ),
    "big5hkscs": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "euc_jp": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "iso2022_jp": "csiso2022jp iso-2022-jp",
    "cp932": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "cp949": (
        "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 "
        "ksc5601 ksc_5601 windows-949"
    ),
    "utf-16-be": "unicodefffe utf-16be",
    "utf-16-le": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
    "x-user-defined": "x-user-defined",
}
# Labels seen on real pages that the WHATWG table lacks; mapped to the same supersets.
_EXTRA_LABELS = {
    "cp936": "gb18030",
    "windows-936": "gb18030",
    "euc-cn": "gb18030",
    "cp949": "cp949",
    "uhc": "cp949",
    "cp932": "cp932",
    "cp950": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "utf8mb4": "utf-8",
}
_LABELS: dict[str, str] = {
    label: codec for codec, labels in _WHATWG_LABELS.items() for label in _words(labels)
} | _EXTRA_LABELS

# A detector or an override may name a codec whose superset browsers decode with.
_SUPERSETS = {
    "ascii": "cp1252",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "euc_kr": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
}
_UNSAFE_CODECS = frozenset(
    _words(
        "utf-7 hz iso2022_kr iso2022_jp_2 unicode-escape raw-unicode-escape idna punycode "
        "undefined mbcs oem"
    )
)


def whatwg_codec(label: str) -> str | None:
    """The Python codec browsers use for encoding ``label``, or None when it is not a label."""
    return _LABELS.get(label.strip().lower())


def superset(codec: str) -> str:
    """The codec a browser would use in place of Python codec ``codec`` (its superset)."""
    name = codecs.lookup(codec).name
    return _SUPERSETS.get(name, name)


def _override_codec(encoding: str) -> str:
    codec = whatwg_codec(encoding)
    if codec is not None and codec != "x-user-defined":
        return codec
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InvalidOptions(f"unknown encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True) or info.name in _UNSAFE_CODECS:
        raise InvalidOptions(f"encoding {encoding!r} cannot decode a web page")
    return info.name


# -- decoding helpers ---------------------------------------------------------------------


def _repair_with_cp1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read bytes that are not UTF-8 as cp1252 (mixed-encoding pages)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bytes(bad).decode("cp1252", errors="replace"), exc.end


codecs.register_error("boilerstrip-cp1252", _repair_with_cp1252)


def _decode_lenient(data: bytes, codec: str) -> str:
    errors = "boilerstrip-cp1252" if codec == "utf-8" else "replace"
    return data.decode(codec, errors=errors)


def _decode_strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _mostly_valid(data: bytes, codec: str) -> bool:
    """True when ``codec`` reads at least as many non-ASCII characters as it rejects bytes."""
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return good >= max(bad, 1)


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _split_bom(data: bytes) -> tuple[str, bytes] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            rest = data[len(bom) :]
            if codec.startswith("utf-32") and (
                len(rest) % 4 or _decode_strict(rest, codec) is None
            ):
                continue  # FF FE 00 00 can be a UTF-16 BOM followed by a NUL character.
            return codec, rest
    return None


# -- WHATWG prescan of <meta> ---------------------------------------------------------

_XML_DECL_RE = rx(
    rb"^\s*<\?xml\s[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']"
)
_CONTENT_CHARSET_RE = rx(r"charset\s*=\s*", re.IGNORECASE)


class _End(Exception):
    """The prescan ran off the end of its window in the middle of a construct."""


class _Prescan:
    """The WHATWG "prescan a byte stream to determine its encoding" algorithm."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def skip_to(self, needle: bytes, start: int) -> None:
        found = self.data.find(needle, start)
        if found < 0:
            raise _End
        self.pos = found + len(needle) - 1

    def run(self) -> str | None:
        data = self.data
        try:
            while True:
                self.pos = self.skip()
                if self.pos >= len(data):
                    return None
                codec = self.tag()
                if codec is not None:
                    return codec
                self.pos += 1
        except _End:
            return None

    def skip(self) -> int:
        """Where the next ``<meta`` tag (or a construct the window ends inside) starts, past
        the text, comments and other tags before it, read by one regex (:data:`_NO_META`)."""
        return _run(_NO_META, self.data, self.pos).end()

    def tag(self) -> str | None:
        data, pos = self.data, self.pos
        head = data[pos : pos + 6].lower()
        if head.startswith(b"<!--"):
            self.skip_to(b"-->", pos + 2)
        elif head.startswith(b"<meta") and len(head) == 6 and head[5:6] in b" \t\n\f\r/":
            self.pos = pos + 6
            return self.meta()
        elif head[1:2].isalpha() or (head[1:2] == b"/" and head[2:3].isalpha()):
            self.skip_tag_name()
            while self.attribute() is not None:
                pass
        elif head[1:2] in (b"!", b"/", b"?"):
            self.skip_to(b">", pos + 1)
        return None

    def skip_tag_name(self) -> None:
        self.pos = _run(_TAG_NAME, self.data, self.pos).end()
        if self.pos >= len(self.data):
            raise _End

    def meta(self) -> str | None:
        seen: set[str] = set()
        got_pragma = False
        need_pragma: bool | None = None
        charset: str | None = None
        failed = False
        while (attr := self.attribute()) is not None:
            name, value = attr
            if name in seen:
                continue
            seen.add(name)
            if name == "http-equiv" and value == "content-type":
                got_pragma = True
            elif name == "content" and charset is None and not failed:
                found = _charset_from_content(value)
                if found is not None:
                    charset, need_pragma = found, True
            elif name == "charset" and charset is None and not failed:
                charset = whatwg_codec(value)
                failed = charset is None
                need_pragma = False
        if need_pragma is None or (need_pragma and not got_pragma) or charset is None:
            return None
        if charset.startswith("utf-16"):
            return "utf-8"
        return "cp1252" if charset == "x-user-defined" else charset

    def attribute(self) -> tuple[str, str] | None:
        """WHATWG "get an attribute", a run of bytes at a time: ``(name, value)``, lower-cased, or
        None at the tag's end."""
        data = self.data
        found = _run(_ATTR_NAME, data, self.pos)
        if found["close"] is not None:  # ">": no more attributes (the position stays on it)
            self.pos = found.start("close")
            return None
        end = found.end()
        if end >= len(data):
            raise _End
        name, after = found["name"], data[end]
        if after in b" \t\n\f\r":
            end = _run(_SPACES, data, end).end()
            if end >= len(data):
                raise _End
            if data[end] != 0x3D:
                self.pos = end
                return _attr(name, b"")
        elif after != 0x3D:  # "/" or ">" ends the name, and the attribute
            self.pos = end
            return _attr(name, b"")
        self.pos = end + 1  # past "="
        return self.attribute_value(name)

    def attribute_value(self, name: bytes) -> tuple[str, str]:
        data = self.data
        start = _run(_SPACES, data, self.pos).end()
        if start >= len(data):
            raise _End
        quote = data[start]
        if quote in b"\"'":
            end = data.find(bytes([quote]), start + 1)
            if end < 0:
                raise _End
            self.pos = end + 1
            return _attr(name, data[start + 1 : end])
        if quote == 0x3E:
            self.pos = start
            return _attr(name, b"")
        end = _run(_TAG_NAME, data, start).end()  # an unquoted value runs to a space or ">"
        if end >= len(data):
            raise _End
        self.pos = end
        return _attr(name, data[start:end])


# Runs of bytes the prescan passes over at once: spaces; a tag name or an unquoted value (up to
# a space or ">"); an attribute's name after the spaces and slashes before it (a first "=" is
# part of a name; one after ends it), or the ">" that closes the tag.
_SPACES = rx(rb"[ \t\n\f\r]*")
_TAG_NAME = rx(rb"[^ \t\n\f\r>]*")
_ATTR_NAME = rx(rb"[ \t\n\f\r/]*(?:(?P<close>>)|(?P<name>=?[^= \t\n\f\r/>]*))")


# What :meth:`_Prescan.tag` passes over without an answer, each piece read whole: text, a
# comment, a tag other than ``<meta`` with its attributes (each read as ``attribute`` reads it:
# possessive and atomic, so the regex takes the one reading the algorithm takes), a ``<!``,
# ``</`` or ``<?`` construct, a ``<`` that starts none. It stops before a ``<meta`` tag and before
# a construct the window ends inside (an unclosed quote or comment), which ``tag`` then reads.
_ATTRIBUTE = (
    rb"[ \t\n\f\r/]*+(?=[^>])=?+[^= \t\n\f\r/>]*+"  # a name
    rb"(?:[ \t\n\f\r]*+=[ \t\n\f\r]*+(?:\"[^\"]*+\"|'[^']*+'|(?=>)|[^ \t\n\f\r>\"'][^ \t\n\f\r>]*+)"
    rb"|(?![ \t\n\f\r]*+=))"  # "=" and a value, or no "=" after the name
)
_NO_META = rx(
    rb"(?>[^<]++"
    rb"|<!(?=--)(?s:.*?)-->"
    rb"|(?!<(?i:meta)[ \t\n\f\r/])</?+[a-zA-Z][^ \t\n\f\r>]*+(?>" + _ATTRIBUTE + rb")*+[ \t\n\f\r/]*+>"
    rb"|<(?:!(?!--)|/(?![a-zA-Z])|\?)[^>]*+>"
    rb"|<(?![a-zA-Z!/?]))*+"
)


def _run(pattern: re.Pattern[bytes], data: bytes, pos: int) -> re.Match[bytes]:
    """``pattern`` matched at ``pos``; each of the patterns above matches an empty run too."""
    found = pattern.match(data, pos)
    if found is None:  # pragma: no cover - cannot happen
        raise _End
    return found


def _attr(name: bytes, value: bytes) -> tuple[str, str]:
    return name.decode("latin-1").lower(), value.decode("latin-1").lower()


def _charset_from_content(content: str) -> str | None:
    """WHATWG "extracting a character encoding from a meta element" (``content`` value)."""
    for match in _CONTENT_CHARSET_RE.finditer(content):
        rest = content[match.end() :]
        if not rest:
            return None
        if rest[0] in "\"'":
            end = rest.find(rest[0], 1)
            return None if end < 0 else whatwg_codec(rest[1:end])
        return whatwg_codec(re.split(r"[\s;]", rest, maxsplit=1)[0])
    return None


def declared_codec(data: bytes) -> str | None:
    """The codec a page declares in its first :data:`PRESCAN_BYTES` bytes, or None."""
    window = data[:PRESCAN_BYTES]
    # every declaration the prescan can find spells "charset": without it, skip the byte walk
    codec = _Prescan(window).run() if b"charset" in window.lower() else None
    if codec is None:
        match = _XML_DECL_RE.match(window)
        codec = whatwg_codec(match.group(1).decode("ascii")) if match else None
        if codec is not None and codec.startswith("utf-16"):
            codec = None  # An ASCII-readable declaration cannot be UTF-16.
    return None if codec == "x-user-defined" else codec


# -- the decoding steps ------------------------------------------------------------------

_HIGH_RE = rx(rb"[\x80-\xff]")
_ISO2022_ESCAPE_RE = rx(rb"\x1b(?:\$[@B]|\(I)")
# What charset-normalizer may answer: the web's encodings, never UTF-7 or other oddities.
_DETECT_CODECS = _words(
    "utf_8 cp1250 cp1251 cp1252 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 cp874 iso8859_2 "
    "iso8859_5 iso8859_7 iso8859_8 iso8859_15 koi8_r koi8_u cp866 mac_cyrillic gb18030 "
    "big5hkscs cp950 euc_jp cp932 shift_jis iso2022_jp cp949 euc_kr"
)


def _from_bom(data: bytes) -> Decoded | None:
    found = _split_bom(data)
    if found is None:
        return None
    codec, rest = found
    if not rest.strip(_ASCII_BLANK):
        raise EmptyInput("input holds only a byte-order mark")
    return Decoded(_decode_lenient(rest, codec), codec, "bom")


def _from_declaration(data: bytes) -> Decoded | None:
    codec = declared_codec(data)
    if codec is None:
        return None
    if codec != "utf-8" and not data.isascii():
        as_utf8 = _decode_strict(data, "utf-8")
        if as_utf8 is not None:  # Labelled legacy, stored as UTF-8: the bytes win.
            return Decoded(as_utf8, "utf-8", "detected", data)
    text = _decode_strict(data, codec)
    if text is not None:
        return Decoded(text, codec, "declared", data if codec == "utf-8" else None)
    if _mostly_valid(data, codec):  # A few stray bytes in a correctly labelled page.
        return Decoded(_decode_lenient(data, codec), codec, "declared")
    return None


def _utf16_shape(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit on one side of most code units, else None."""
    sample = data[:4096]
    units = len(sample) // 2
    if units < 2:
        return None
    even, odd = sample[0 : units * 2 : 2].count(0), sample[1 : units * 2 : 2].count(0)
    if odd > 0.3 * units and even < 0.05 * units:
        return "utf-16-le"
    if even > 0.3 * units and odd < 0.05 * units:
        return "utf-16-be"
    return None


def _from_utf16_shape(data: bytes) -> Decoded | None:
    codec = _utf16_shape(data)
    if codec is None:
        return None
    return Decoded(_decode_lenient(data[: len(data) // 2 * 2], codec), codec, "detected")


def _from_iso2022(data: bytes) -> Decoded | None:
    """ISO-2022-JP: 7-bit bytes whose escape sequences switch to JIS character sets."""
    if b"\x1b" not in data or not _ISO2022_ESCAPE_RE.search(data):  # (memchr first: most pages hold no ESC)
        return None
    text = _decode_strict(data, "iso2022_jp_ext")
    return None if text is None else Decoded(text, "iso2022_jp_ext", "detected")


def _from_utf8(data: bytes) -> Decoded | None:
    if data.isascii():
        return Decoded(data.decode("ascii"), "utf-8", "default", data)
    text = _decode_strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", "detected", data)
    if _mostly_valid(data, "utf-8"):
        return Decoded(_decode_lenient(data, "utf-8"), "utf-8", "detected")
    return None


def _detection_sample(data: bytes) -> bytes:
    """Up to :data:`DETECT_SAMPLE_BYTES` of the page's non-ASCII runs, cut at ``<`` bytes.

    ``<`` and newlines never occur inside a multi-byte character of the ASCII-compatible
    encodings, so the sample's pieces start and (mostly) end on character boundaries.
    """
    pieces: list[bytes] = []
    size = 0
    pos = 0
    while size < DETECT_SAMPLE_BYTES:
        match = _HIGH_RE.search(data, pos)
        if match is None:
            break
        start = match.start()
        end = data.find(b"<", start + 1024, start + 16384)
        end = min(len(data), start + 16384) if end < 0 else end
        pieces.append(data[start:end])
        size += end - start
        pos = end
    return b"\n".join(pieces)[:DETECT_SAMPLE_BYTES]


def _from_detector(data: bytes) -> Decoded | None:
    import charset_normalizer  # slow to import: only for pages nothing else could decode

    sample = _detection_sample(data)
    best = charset_normalizer.from_bytes(sample, cp_isolation=_DETECT_CODECS).best()
    if best is None:
        return None
    codec = superset(best.encoding)
    text = _decode_lenient(data, codec)
    return Decoded(text, codec, "detected")


def _sniff(data: bytes) -> Decoded:
    for step in (_from_declaration, _from_utf16_shape, _from_iso2022, _from_utf8, _from_detector):
        found = step(data)
        if found is not None:
            return found
    return Decoded(_decode_lenient(data, "utf-8"), "utf-8", "default")


def decode(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode page bytes to text, choosing the encoding as the module docstring describes.

    Raises :class:`EmptyInput` for empty, blank or BOM-only input, :class:`NotHtml` for
    binary data, :class:`InvalidOptions` for an unknown ``encoding`` override.
    NUL characters are removed from the text.
    """
    codec = _override_codec(encoding) if encoding is not None else None
    if data.startswith(_GZIP_MAGIC):
        data = gunzip(data)
    if not data[:4096].strip(_ASCII_BLANK) and not data.strip(_ASCII_BLANK):  # (a page is not copied)
        raise EmptyInput("input is empty" if not data else "input holds only whitespace")
    kind = _binary_kind(data)
    if kind is not None:
        raise _not_html(kind)
    if codec is not None:
        found = _split_bom(data)
        body = found[1] if found is not None and superset(found[0]) == superset(codec) else data
        decoded = Decoded(_decode_lenient(body, codec), codec, "override")
    else:
        decoded = _from_bom(data) or _sniff(data)
    return _finish(decoded)


_NUL_RE = rx(r"\x00")


def without_nul(text: str) -> str:
    """``text`` without NUL characters (most pages have none: the text is then not copied)."""
    # a regex finds no NUL in a page of two-byte characters several times faster than ``in``,
    # whose memchr on the low byte stops at every ASCII character there
    return text.replace("\x00", "") if _NUL_RE.search(text) else text


def _finish(decoded: Decoded) -> Decoded:
    text = decoded.text.lstrip("\ufeff")
    utf8 = decoded.utf8 if text is decoded.text else None
    clean = utf8 is not None and not holds_any_byte(utf8, _ANY_CONTROL)
    if not clean and _looks_binary(text, utf8):
        raise _not_html("binary data")
    if not clean and (decoded.utf8 is None or b"\0" in decoded.utf8):  # (a search of bytes is memchr's)
        text = without_nul(text)
    if not text or text.isspace():  # (no copy of the page, as ``strip`` would make)
        raise EmptyInput("input holds only whitespace")
    # text without a BOM or NUL character is the same object: its bytes still encode it
    if text is not decoded.text:
        return Decoded(text, decoded.encoding, decoded.source)
    return Decoded(text, decoded.encoding, decoded.source, utf8, clean)


# -- HTML or a plain-text dump ---------------------------------------------------------------

_HTML_TAGS = (
    "html|head|body|title|meta|link|script|style|noscript|base|div|span|p|a|br|hr|img|"
    "picture|source|figure|figcaption|section|article|aside|header|footer|nav|main|h[1-6]|"
    "ul|ol|li|dl|dt|dd|table|thead|tbody|tfoot|tr|td|th|form|input|button|select|option|"
    "textarea|label|iframe|frameset|frame|noframes|blockquote|pre|code|em|strong|b|i|u|s|"
    "small|sup|sub|font|center|svg|math|template|time|video|audio|canvas|object|embed"
)
_TAG_RE = rx(
    rf"<(?:/?(?:{_HTML_TAGS})(?=[\s/>])[^<>]{{0,2000}}>|!doctype\s+html)", re.IGNORECASE
)
_LEADING_MARKUP_RE = rx(
    rf"\s*(?:<!doctype\s|<!--|<\?xml\s|<(?:{_HTML_TAGS})[\s/>])", re.IGNORECASE
)
_STRUCTURE_RE = rx(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>/])", re.IGNORECASE)
_SNIFF_CHARS = 200_000
_TAGS_PER_CHAR = 1 / 200


def sniff_format(text: str) -> Literal["html", "text"]:
    """``"html"`` when ``text`` is markup, ``"text"`` when it is a plain-text page dump.

    Markup starts with a doctype, a comment or a known tag, or carries the document
    structure (doctype/html/head/body) plus other tags, or is dense with known tags.
    Prose that mentions a tag or two stays text.
    """
    sample = text[:_SNIFF_CHARS].lstrip("\ufeff")
    if _LEADING_MARKUP_RE.match(sample):
        return "html"
    tags = len(_TAG_RE.findall(sample))
    if tags >= 3 and _STRUCTURE_RE.search(sample):
        return "html"
    return "html" if tags >= 3 and tags >= _TAGS_PER_CHAR * len(sample) else "text"

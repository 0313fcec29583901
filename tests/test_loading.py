"""Reading and decoding raw page bytes: sources, encodings, binary and empty input."""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from boilerstrip import loading
from boilerstrip.errors import (
    BoilerstripError,
    EmptyInput,
    InputUnreadable,
    InvalidOptions,
    NotHtml,
)
from boilerstrip.loading import Decoded, decode, gunzip, read_source, sniff_format

SHARED = Path(os.environ.get("BOILERSTRIP_SHARED") or Path(__file__).parents[1].parent / "shared")
SEED_DUMP = SHARED / "seed" / "news-page-dump.ko.txt"

KO = "오세훈 서울시장이 중국판 실리콘밸리라 불리는 중관촌에서 현지 창업 지원과 인재 육성 정책을 살펴봤다."
ZH = "北京市政府今天宣布，将在未来三年内投资建设新的科技园区，重点支持人工智能和新能源汽车产业的发展。"
JA = "東京都は今日、新しい防災計画を発表しました。避難所の数を増やし、住民への情報提供を強化するということです。"
TW = "台北市政府今天宣布，將在未來三年內投資興建新的科技園區，重點支持人工智慧與電動車產業的發展。"
RU = "Правительство Москвы объявило сегодня о строительстве нового технологического парка."
FR = "Le gouvernement a annoncé la création d'un parc technologique très attendu à Montréal."


def page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"
    )


def codec(name: str) -> str:
    return codecs.lookup(name).name


# -- read_source --------------------------------------------------------------------------


def test_reads_a_file_without_changing_it(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"<p>hi</p>")
    before = path.stat()
    assert read_source(path) == b"<p>hi</p>"
    assert read_source(str(path)) == b"<p>hi</p>"
    after = path.stat()
    assert (after.st_mtime_ns, after.st_size, after.st_mode) == (
        before.st_mtime_ns,
        before.st_size,
        before.st_mode,
    )
    assert path.read_bytes() == b"<p>hi</p>"


@pytest.mark.parametrize("arg", [None, "-"])
def test_reads_stdin(monkeypatch: pytest.MonkeyPatch, arg: str | None) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"<p>\xff</p>")))
    assert read_source(arg) == b"<p>\xff</p>"


def test_gz_file_is_inflated(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page(KO).encode()))
    assert read_source(path) == page(KO).encode()


def test_gzip_magic_is_inflated_whatever_the_name(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(gzip.compress(b"<p>x</p>"))
    assert read_source(path) == b"<p>x</p>"


def test_gz_name_without_gzip_data_is_read_as_is(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(b"<p>plain</p>")
    assert read_source(path) == b"<p>plain</p>"


def test_multi_member_gzip() -> None:
    assert gunzip(gzip.compress(b"<p>a") + gzip.compress(b"b</p>")) == b"<p>ab</p>"


def test_truncated_gzip_gives_what_it_can() -> None:
    whole = gzip.compress(("<p>" + "x" * 50_000 + "</p>").encode())
    out = gunzip(whole[: len(whole) // 2])
    assert out.startswith(b"<p>xxx")


def test_corrupt_gzip_is_not_html() -> None:
    with pytest.raises(NotHtml, match="gzip"):
        gunzip(b"\x1f\x8b\x08\x00" + b"\xff" * 64)


def test_gzip_bomb_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_INPUT_BYTES", 1_000_000)
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"\0" * 5_000_000))
    with pytest.raises(loading.InputTooLarge, match="decompresses to more than"):
        read_source(path)


def test_oversized_input_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_INPUT_BYTES", 1000)
    path = tmp_path / "big.html"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(loading.InputTooLarge, match="big.html"):
        read_source(path)


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    with pytest.raises(InputUnreadable, match="nope.html") as err:
        read_source(missing)
    assert "\n" not in str(err.value)


def test_directory_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(InputUnreadable, match="directory"):
        read_source(tmp_path)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.html"
    path.write_bytes(b"<p>x</p>")
    path.chmod(0)
    with pytest.raises(InputUnreadable, match="secret.html"):
        read_source(path)


# -- BOMs and empty input --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bom", "name"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_wins_over_declaration(bom: bytes, name: str) -> None:
    html = page(KO, head='<meta charset="iso-8859-2">')
    got = decode(bom + html.encode(name))
    assert (got.text, codec(got.encoding), got.source) == (html, codec(name), "bom")


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF8 + b"  \n"],
    ids=["empty", "whitespace", "bom-only", "utf16-bom-only", "bom-and-whitespace"],
)
def test_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInput):
        decode(data)


def test_utf16_whitespace_is_empty() -> None:
    with pytest.raises(EmptyInput):
        decode(codecs.BOM_UTF16_LE + "  \u3000 \n".encode("utf-16-le"))


# -- declarations ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="euc-kr">',
        "<meta charset=EUC-KR>",
        '<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">',
        "<META CONTENT='text/html;charset=ks_c_5601-1987' HTTP-EQUIV='content-type'>",
    ],
)
def test_meta_declarations(head: str) -> None:
    html = page(KO, head=head)
    got = decode(html.encode("cp949"))
    assert (got.text, got.encoding, got.source) == (html, "cp949", "declared")


def test_xml_declaration() -> None:
    html = '<?xml version="1.0" encoding="windows-1251"?>\n' + page(RU)
    got = decode(html.encode("cp1251"))
    assert (got.text, got.encoding, got.source) == (html, "cp1251", "declared")


def test_meta_declared_late_behind_a_long_script() -> None:
    html = page(FR, head="<script>" + "var a = 1;\n" * 500 + '</script><meta charset="latin1">')
    got = decode(html.encode("cp1252"))
    assert (got.text, got.encoding, got.source) == (html, "cp1252", "declared")


def test_meta_utf16_means_utf8() -> None:
    html = page(KO, head='<meta charset="utf-16">')
    got = decode(html.encode("utf-8"))
    assert (got.text, got.encoding) == (html, "utf-8")


def test_meta_in_a_comment_is_ignored() -> None:
    html = page(KO, head='<!-- <meta charset="koi8-r"> --><meta charset="euc-kr">')
    assert decode(html.encode("cp949")).encoding == "cp949"


@pytest.mark.parametrize(
    ("label", "python_codec", "text"),
    [
        ("euc-kr", "cp949", "똠방각하 " + KO),  # 똠 is in cp949, not in EUC-KR
        ("gb2312", "gb18030", "喆 " + ZH),  # 喆 is in GBK, not in GB2312
        ("shift_jis", "cp932", "①② " + JA),  # NEC circled digits are cp932 only
        ("big5", "big5hkscs", TW),
        ("iso-8859-1", "cp1252", "“quoted” " + FR),  # curly quotes are cp1252 only
        ("ascii", "cp1252", "€ " + FR),
    ],
)
def test_whatwg_labels_map_to_supersets(label: str, python_codec: str, text: str) -> None:
    html = page(text, head=f'<meta charset="{label}">')
    got = decode(html.encode(python_codec))
    assert (got.text, got.encoding, got.source) == (html, python_codec, "declared")


def test_unknown_label_is_ignored() -> None:
    html = page(KO, head='<meta charset="bogus"><meta charset="euc-kr">')
    assert decode(html.encode("cp949")).encoding == "cp949"


# -- a page declaring one charset, stored in another -----------------------------------


def test_declared_legacy_but_stored_utf8() -> None:
    html = page(KO, head='<meta charset="euc-kr">')
    got = decode(html.encode("utf-8"))
    assert (got.text, got.encoding, got.source) == (html, "utf-8", "detected")


def test_declared_latin1_but_stored_utf8() -> None:
    html = page(FR, head='<meta charset="iso-8859-1">')
    assert decode(html.encode("utf-8")).text == html


def test_declared_utf8_but_stored_euc_kr() -> None:
    html = page(KO + " " + KO, head='<meta charset="utf-8">')
    got = decode(html.encode("cp949"))
    assert (got.text, got.encoding, got.source) == (html, "cp949", "detected")


def test_declared_shift_jis_but_stored_utf8() -> None:
    html = page(JA, head='<meta http-equiv="content-type" content="text/html; charset=Shift_JIS">')
    assert decode(html.encode("utf-8")).text == html


def test_declared_charset_survives_a_stray_byte() -> None:
    html = page(KO * 3, head='<meta charset="euc-kr">')
    data = html.encode("cp949").replace(b"</p>", b"\xff</p>")
    got = decode(data)
    assert (got.encoding, got.source) == ("cp949", "declared")
    assert KO * 3 in got.text


# -- detection -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encodings"),
    [
        (KO, ["euc_kr", "cp949"]),
        (ZH, ["gb2312", "gbk", "gb18030"]),
        (JA, ["shift_jis", "cp932", "euc_jp", "iso2022_jp"]),
        (TW, ["big5", "cp950"]),
        (RU, ["cp1251", "koi8_r"]),
        (FR, ["cp1252"]),
    ],
    ids=["korean", "chinese", "japanese", "traditional-chinese", "russian", "french"],
)
def test_undeclared_legacy_encodings_come_out_right(text: str, encodings: list[str]) -> None:
    html = page(text)
    for name in encodings:
        got = decode(html.encode(name))
        assert got.text == html, name
        assert got.source == "detected", name


@pytest.mark.parametrize("name", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(name: str) -> None:
    html = page(KO)
    got = decode(html.encode(name))
    assert (got.text, got.encoding, got.source) == (html, name, "detected")


def test_plain_utf8_and_ascii() -> None:
    assert decode(page(KO).encode()).source == "detected"
    ascii_page = decode(page("hello").encode())
    assert (ascii_page.encoding, ascii_page.source) == ("utf-8", "default")


def test_mixed_encodings_repair_cp1252_bytes_in_utf8() -> None:
    html = page(KO + " café " + KO)
    data = html.replace("café", "caf\udce9").encode("utf-8", errors="surrogateescape")
    got = decode(data)
    assert got.encoding == "utf-8"
    assert "café" in got.text
    assert KO in got.text


def test_invalid_utf8_does_not_raise() -> None:
    data = page(KO).encode() + b"\xe2\x82"  # truncated multi-byte sequence
    got = decode(data)
    assert KO in got.text


def test_truncated_legacy_page() -> None:
    data = page(KO * 5).encode("cp949")[:-9]
    assert KO in decode(data).text


# -- override ----------------------------------------------------------------------------


def test_override_wins() -> None:
    html = page(RU, head='<meta charset="utf-8">')
    got = decode(html.encode("koi8_r"), encoding="KOI8-R")
    assert (got.text, got.encoding, got.source) == (html, "koi8-r", "override")


def test_override_with_whatwg_label_and_bom() -> None:
    got = decode(codecs.BOM_UTF8 + page(KO).encode(), encoding="utf8")
    assert got.text == page(KO)
    assert decode(page(KO).encode("cp949"), encoding="euc-kr").text == page(KO)


@pytest.mark.parametrize("name", ["no-such-codec", "rot13", "base64", "utf-7"])
def test_bad_override_is_a_usage_error(name: str) -> None:
    with pytest.raises(InvalidOptions):
        decode(b"<p>x</p>", encoding=name)


# -- binary input ----------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (PNG, "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00page.html", "ZIP archive"),
        (b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8, "ELF executable"),
        (gzip.compress(PNG), "PNG image"),
        (gzip.compress(bytes(range(256)) * 40), "binary data"),
        (bytes(range(32)) * 100, "binary data"),
    ],
    ids=["png", "jpeg", "gif", "pdf", "zip", "elf", "gzip-png", "gzip-binary", "controls"],
)
def test_binary_input_is_not_html(data: bytes, kind: str) -> None:
    with pytest.raises(NotHtml, match=f"input looks like (an? )?{kind}, not a web page"):
        decode(data)


def test_gzip_html_is_decoded() -> None:
    assert decode(gzip.compress(page(KO).encode("cp949"))).text == page(KO)


def test_nul_bytes_inside_html_are_removed() -> None:
    data = page("hel\x00lo " + KO).encode()
    got = decode(data)
    assert "\x00" not in got.text
    assert "hello " + KO in got.text


def test_decoded_is_frozen() -> None:
    got = decode(b"<p>x</p>")
    assert isinstance(got, Decoded)
    with pytest.raises(AttributeError):
        got.text = "y"  # type: ignore[misc]


# -- sniff_format --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "\n\n  <html><head><title>t</title></head><body>x</body></html>",
        "<div class='a'>one</div><div>two</div>",
        "<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body/></html>",
        "<!-- saved page --><p>x</p>",
        "Some text first <p>then a paragraph</p><p>and another</p><br>",
    ],
)
def test_sniff_html(text: str) -> None:
    assert sniff_format(text) == "html"


@pytest.mark.parametrize(
    "text",
    [
        "Plain words, nothing else.\n\nA second paragraph.",
        "If a < b and b > c then nothing follows; x<y holds.\n" * 20,
        "Use the <div> element for layout, the article said.\n" + "More prose here. " * 200,
        "<보도자료> 서울시는 오늘 발표했다.\n" + KO * 10,
        "1. <Title of a book> by an author\n" + "Long text. " * 100,
    ],
)
def test_sniff_text(text: str) -> None:
    assert sniff_format(text) == "text"


@pytest.mark.skipif(not SEED_DUMP.exists(), reason=f"seed dump not found at {SEED_DUMP}")
def test_seed_dump_is_text() -> None:
    decoded = decode(SEED_DUMP.read_bytes())
    assert decoded.encoding == "utf-8"
    assert sniff_format(decoded.text) == "text"


# -- properties ---------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_raise_only_typed_errors_and_decode_is_deterministic(data: bytes) -> None:
    try:
        first = decode(data)
    except BoilerstripError as exc:
        assert "\n" not in str(exc)
        with pytest.raises(type(exc)):
            decode(data)
        return
    assert decode(data) == first
    assert "\x00" not in first.text
    assert sniff_format(first.text) in ("html", "text")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=500), st.sampled_from(["utf-8", "cp949", "gb18030", "cp932", "utf-16"]))
def test_random_text_in_any_encoding_never_crashes(text: str, name: str) -> None:
    data = text.encode(name, errors="replace")
    with contextlib.suppress(BoilerstripError):
        assert "\x00" not in decode(data).text


@pytest.mark.parametrize("cut", [2, 3, 10, 12, 15])
def test_cut_gzip_headers_give_bytes_or_typed_errors(cut: int) -> None:
    data = gzip.compress(b"<p>x</p>")[:cut]
    with contextlib.suppress(BoilerstripError):
        assert isinstance(gunzip(data), bytes)

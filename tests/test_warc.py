"""Web archives: every HTML response record becomes one JSON line; the rest is counted."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from boilerstrip.cli import main

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from test_batch import PNG, news_page  # noqa: E402


def write_warc(path: Path, *, gz: bool = True) -> list[str]:
    """A small crawl: warcinfo, three HTML pages (one gzip-encoded), an image, a request.

    Returns the URIs of the HTML pages in record order."""
    uris = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for n in range(3):
            uri = f"https://news.example/story-{n}"
            body = news_page(n).encode()
            headers = [("Content-Type", "text/html; charset=utf-8")]
            if n == 2:
                body = gzip.compress(body)
                headers.append(("Content-Encoding", "gzip"))
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": f"2024-05-0{n + 1}T10:00:00Z"},
            ))
            uris.append(uri)
            if n == 0:
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    "https://news.example/logo.png", "response", payload=io.BytesIO(PNG),
                    http_headers=img,
                ))
                req = StatusAndHeaders("GET /story-0 HTTP/1.1", [("Host", "news.example")],
                                       is_http_request=True)
                writer.write_record(writer.create_warc_record(
                    uri, "request", payload=io.BytesIO(b""), http_headers=req,
                ))
    return uris


def test_warc_to_json_lines_on_stdout(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    uris = write_warc(crawl)
    result = CliRunner().invoke(main, [str(crawl), "-j", "2"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [x["uri"] for x in lines] == uris
    assert lines[0]["date"] == "2024-05-01T10:00:00Z"
    assert all(x["status"] == "ok" and "bridge" in x["article"]["text"] for x in lines)
    assert all(x["source"] == str(crawl) for x in lines)
    assert "3 records not HTML skipped" in result.stderr


def test_warc_in_a_directory_batch(tmp_path: Path) -> None:
    crawls = tmp_path / "crawls"
    crawls.mkdir()
    write_warc(crawls / "a.warc.gz")
    write_warc(crawls / "b.warc", gz=False)
    (crawls / "c.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nthis is not a record")[:30])
    whole = (crawls / "a.warc.gz").read_bytes()
    # a download cut short inside a record: 20 bytes into the gzip member (one per record) that
    # starts before the middle (cut at the middle itself, one run in a few hundred fell between
    # two members: a shorter archive, but a whole one)
    member = whole.rfind(b"\x1f\x8b\x08", 0, len(whole) // 2)
    (crawls / "d.warc.gz").write_bytes(whole[: member + 20])
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [str(crawls), "--glob", "*.warc*", "-o", str(out), "-q"])
    assert result.exit_code == 1, result.output
    records = [json.loads(x) for x in (out / "boilerstrip-manifest.jsonl").read_text().splitlines()]
    assert [Path(r["path"]).name for r in records] == ["a.warc.gz", "b.warc", "c.warc.gz", "d.warc.gz"]
    assert records[0]["status"] == "ok" and records[0]["output"] == "a.jsonl"
    assert records[0]["records"] == {"ok": 3, "no-article": 0, "error": 0, "timeout": 0, "not_html": 3}
    for damaged in records[2:]:
        assert damaged["status"] == "error" and damaged["output"] is None, damaged
    a = (out / "a.jsonl").read_text().splitlines()
    b = (out / "b.jsonl").read_text().splitlines()
    assert len(a) == len(b) == 3
    assert [json.loads(x)["article"] for x in a] == [json.loads(x)["article"] for x in b]
    assert not (out / "c.jsonl").exists() and not (out / "d.jsonl").exists()
    assert not list(out.glob(".*.tmp"))


def test_warc_jsonl_to_file_with_pages(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    write_warc(crawl)
    page = tmp_path / "page.html"
    page.write_text(news_page(9))
    target = tmp_path / "all.jsonl"
    result = CliRunner().invoke(main, [str(page), str(crawl), "-f", "jsonl", "-o", str(target), "-q"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in target.read_text().splitlines()]
    assert [x.get("uri") for x in lines] == [None, *[f"https://news.example/story-{n}" for n in range(3)]]
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"this is no archive\r\n\r\n")
    result = CliRunner().invoke(main, [str(broken), "-q"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "source": str(broken), "status": "error", "error": json.loads(result.stdout)["error"]
    }
    assert "damaged" in json.loads(result.stdout)["error"]


@pytest.mark.parametrize("gz", [True, False])
def test_an_archive_cut_short_between_records_is_not_taken_for_a_whole_one(tmp_path: Path, gz: bool) -> None:
    """warcio ends quietly when the file stops in the next record's header (or in the first bytes
    of its gzip member): the records read so far are whole, but the archive is not."""
    from boilerstrip.batch.warc import ArchiveUnreadable, read_archive

    whole_path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    write_warc(whole_path, gz=gz)
    whole = whole_path.read_bytes()
    assert len(list(read_archive(whole_path))) == 6
    if gz:  # 20 bytes into the gzip member (one per record) that starts before the middle
        cut = whole.rfind(b"\x1f\x8b\x08", 0, len(whole) // 2) + 20
    else:  # at the end of the WARC header lines of the record that starts before the middle
        cut = whole.find(b"\r\n\r\n", whole.rfind(b"WARC/1.0\r\n", 0, len(whole) // 2))
    short = tmp_path / ("short" + whole_path.suffix)
    short.write_bytes(whole[:cut])
    with pytest.raises(ArchiveUnreadable, match="cut short after record"):
        list(read_archive(short))

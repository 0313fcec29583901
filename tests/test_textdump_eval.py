"""The dumps benchmark helpers (``benchmarks/dumps_eval.py``): decoding, rendering, fixture checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("inscriptis")

from benchmarks import dumps_eval  # noqa: E402

ARTICLE = (
    "<p>The city council voted on Tuesday to expand the bus network, adding three routes that will "
    "connect the northern suburbs with the central station by next spring.</p>"
    "<p>Officials said the plan would cost about 40 million dollars over five years, most of it paid "
    "from a regional transport fund that was approved last year.</p>"
    "<p>Residents who spoke at the meeting were divided. Some welcomed shorter commutes, while others "
    "worried about traffic on narrow residential streets.</p>"
)
PAGE = (
    "<html><head><meta charset='gb2312'></head><body><ul><li>Home</li><li>World</li><li>Sport</li></ul>"
    "<h1>Council expands bus network</h1><p>By Jane Doe</p>" + ARTICLE +
    "<footer>© 2024 Example News. All rights reserved.</footer></body></html>"
)


def test_legacy_charsets_decode_as_their_supersets() -> None:
    text = "记者：刘喆"  # 喆 is in GBK/GB18030, not in GB2312
    data = f"<meta charset='gb2312'><p>{text}</p>".encode("gb18030")
    assert text in dumps_eval.decode(data)
    sjis = "<meta charset='shift_jis'><p>髙橋 ㈱</p>".encode("cp932")
    assert "髙橋 ㈱" in dumps_eval.decode(sjis)


def test_flat_rendering_drops_indentation(monkeypatch: pytest.MonkeyPatch) -> None:
    data = PAGE.encode("utf-8")
    layout = dumps_eval.render_dump(data)
    monkeypatch.setattr(dumps_eval, "FLAT", [True])
    flat = dumps_eval.render_dump(data)
    assert any(line.startswith(" ") for line in layout.splitlines())
    assert not any(line.startswith(" ") for line in flat.splitlines())


def test_boilerstrip_body_keeps_the_article() -> None:
    body = dumps_eval.boilerstrip_body(dumps_eval.render_dump(PAGE.encode("utf-8")), None)
    assert "expand the bus network" in body and "narrow residential streets" in body
    assert "All rights reserved" not in body and "Sport" not in body


def test_fixture_checks(tmp_path: Path) -> None:
    site = tmp_path / "xx-site"
    site.mkdir()
    (site / "page.html").write_text(PAGE.replace("gb2312", "utf-8"), encoding="utf-8")
    expect = {"url": "https://example.test/a", "with": ["three routes"], "without": ["All rights reserved"]}
    (site / "expect.json").write_text(json.dumps(expect), encoding="utf-8")
    (rows,) = dumps_eval.fixture_checks(tmp_path)
    assert rows["fixture"] == "xx-site"
    assert rows["with kept"] == rows["with"] == 1
    assert rows["without gone"] == rows["without"] == 1

"""The user's directories: the XDG reading on Linux gives what platformdirs gives."""

from __future__ import annotations

import sys

import platformdirs
import pytest

from boilerstrip import userdirs

pytestmark = pytest.mark.skipif(
    sys.platform == "darwin" or sys.platform.startswith("win"), reason="XDG directories only"
)


@pytest.mark.parametrize("value", [None, "", "   ", "/tmp/xdg-somewhere"])
def test_xdg_directories_match_platformdirs(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    for var in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        if value is None:
            monkeypatch.delenv(var, raising=False)
        else:
            monkeypatch.setenv(var, value)
    assert userdirs.user_cache_dir() == platformdirs.user_cache_dir("boilerstrip", appauthor=False)
    assert userdirs.user_config_dir() == platformdirs.user_config_dir("boilerstrip", appauthor=False)


def test_a_run_does_not_import_platformdirs_on_linux() -> None:
    import subprocess

    code = (
        "import sys, boilerstrip.regex_cache as r, boilerstrip.rules as u; r.cache_path(); u.user_rules_path(); "
        "print('platformdirs' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

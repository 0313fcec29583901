"""Where boilerstrip keeps the user's rules file and its caches.

On Linux and the BSDs these are the XDG base directories (``$XDG_CONFIG_HOME`` and
``$XDG_CACHE_HOME``, else ``~/.config`` and ``~/.cache``), read here in two lines, as
platformdirs reads them there: importing platformdirs (it loads ``tempfile`` and
``random``) would add ~6 ms to every one-page run. Elsewhere (macOS, Windows) platformdirs
answers.
"""

from __future__ import annotations

import os
import sys

APP = "boilerstrip"


def _xdg() -> bool:
    return os.name == "posix" and sys.platform != "darwin"


def _xdg_dir(variable: str, default: str) -> str:
    value = os.environ.get(variable, "").strip()
    return os.path.join(value or os.path.expanduser(default), APP)


def user_cache_dir() -> str:
    """The user's cache directory for boilerstrip (``~/.cache/boilerstrip`` on Linux)."""
    if _xdg():
        return _xdg_dir("XDG_CACHE_HOME", "~/.cache")
    import platformdirs

    return platformdirs.user_cache_dir(APP, appauthor=False)


def user_config_dir() -> str:
    """The user's config directory for boilerstrip (``~/.config/boilerstrip`` on Linux)."""
    if _xdg():
        return _xdg_dir("XDG_CONFIG_HOME", "~/.config")
    import platformdirs

    return platformdirs.user_config_dir(APP, appauthor=False)

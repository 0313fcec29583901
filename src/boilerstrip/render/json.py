"""The json format: exactly ``Article.to_dict()``."""

from __future__ import annotations

import json

from ..article import Article


def render_json(article: Article, *, dropped: bool = False) -> str:
    return json.dumps(article.to_dict(dropped=dropped), ensure_ascii=False, indent=2) + "\n"

"""comments: comment sections and every part of their widgets."""

from __future__ import annotations

import re

from ..page import Page
from ..phrases import COMMENTS, DIALOG
from ..regex_cache import rx
from ._match import class_pattern, sweep, whole

_COMMENT_CLASS = class_pattern(
    words=("reply", "replies", "respond", "discussion", "talk", "cmt", "reple", "opinion-box",
           "fb-comments", "livefyre", "coral", "viafoura", "spot-im", "spotim", "openweb"),
    prefixes=("comment", "disqus", "cmt_", "cmt-", "reply-", "reple", "commento", "vf-"),
)
_WIDGET_TEXT = rx(
    "|".join(
        (
            whole(COMMENTS).pattern,
            whole(DIALOG).pattern,
            # counters: "0개의 댓글", "댓글 12", "12 comments", "Comments (3)", "コメント 5件", "评论 (3)"
            r"^\W*(?:\d+\s*개의\s*댓글|댓글\s*\(?\d+\)?|\d+\s*comments?|comments?\s*\(\d+\)"
            r"|コメント\s*\(?\d+\)?\s*件?|\d+\s*件のコメント|评论\s*\(?\d+\)?|\d+\s*条评论"
            r"|\d+\s*kommentare?|\d+\s*commentaires?|\d+\s*comentarios?)\W*$",
            # character-limit counters of comment boxes: "0 / 300", "0/1000"
            r"^\s*\d+\s*/\s*[1-9]\d{2,4}\s*(?:자|bytes?|characters?)?\s*$",
        )
    ),
    re.IGNORECASE,
)


def comments(page: Page) -> None:
    """Comment sections with their counters, login prompts, report/block/delete dialogs and close buttons.

    Matched by class/id (comment, disqus, reply, cmt...) and by widget text: "0개의 댓글",
    "0 / 300", "로그인 후 댓글작성이 가능합니다.", "신고사유", "닫기", "Leave a reply".
    """
    # comment threads are written in paragraphs too: no prose guard here
    sweep(page, "comment section", classes=_COMMENT_CLASS, phrases=_WIDGET_TEXT, guard_prose=False)

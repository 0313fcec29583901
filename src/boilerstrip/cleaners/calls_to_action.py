"""calls_to_action: "follow us", "sign up", "listen live" lines at the edges of the article."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..page import Page
from ..regex_cache import rx
from ..textutil import Hinted
from ..trees import text_content

_CTA = rx(
    r"^\W*(?:follow|like|join|subscribe|sign up|register|download|get (?:access|the|our|unlimited)|listen"
    r"|watch|send us|tell us|click here|read more|for more|don't miss|never miss|support|become a"
    r"|이 기사를|구독|팔로우|フォロー|登録|关注|订阅|folgen sie|abonnieren sie|suivez|abonnez|síguenos|suscríbete"
    r"|siga|inscreva)\b.{0,200}?"
    r"(?:twitter|facebook|instagram|youtube|linkedin|telegram|whatsapp|newsletter|podcast|\bapp\b|inbox"
    r"|more information|@\w+|weekdays)",
    re.IGNORECASE,
)
# "These links open in a new window", an invitation to write letters to the editor (searched
# only in texts holding one of its hints: every match holds one)
_NOTICE = Hinted(
    rx(
        r"\bopens? in a new (?:window|tab)\b|\bletters? to the editor\b"
        r"|(?:this|the) (?:article|story|post) (?:contains|may contain) affiliate links"
        # appeals for money: "Support independent journalism", "여러분의 후원이 좋은 기사를 만듭니다"
        r"|\b(?:donate (?:now|today|to (?:us|support))|support (?:our|independent|local|quality) journalism"
        r"|become a (?:member|supporter|patron))\b"
        r"|후원하기|후원해\s*주세요|후원이 (?:좋은 )?기사|unterstützen sie (?:unseren|guten) journalismus"
        r"|soutenez (?:notre|le) journalisme|apoya (?:nuestro|el) periodismo|打赏作者|赞赏支持|支援する",
        re.IGNORECASE,
    ),
    ("in a new ", "to the editor", "affiliate links", "donate ", "journalism", "become a ", "후원",
     "periodismo", "打赏作者", "赞赏支持", "支援する"),
)
_EDGE = 4
_LINE_MAX = 300
_BLOCKS = ("p", "div", "h2", "h3", "h4", "h5", "h6", "blockquote")


def calls_to_action(page: Page) -> None:
    """Calls to action and site notices at the start or end of the article ("Follow us on Twitter",
    "Sign up for our daily newsletter", "Listen live weekdays at 12:45", "These are external links…").

    Only the first and last few blocks of the article are looked at: there, such a line speaks
    for the site, not the story.
    """
    root = page.main if page.main is not None and page.attached(page.main) else page.body
    leaves = [el for el in root.iter(*_BLOCKS) if not any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el)]
    edges: list[HtmlElement] = [*leaves[:_EDGE], *leaves[-_EDGE:]] if len(leaves) > _EDGE else leaves
    found = []
    for el in dict.fromkeys(edges):
        text = " ".join(text_content(el).split())
        if 0 < len(text) <= _LINE_MAX and (_CTA.search(text) or _NOTICE.search(text)):
            found.append((el, "call to action or site notice"))
    page.kill_all(found)

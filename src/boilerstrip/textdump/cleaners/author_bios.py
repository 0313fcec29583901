"""Drop the author's bio and contact lines that close an article: "Jane Doe is a staff writer at ..."."""

from __future__ import annotations

import re

from ...regex_cache import rx
from ..page import TextPage

_ROLE = (
    r"(?:staff |senior |contributing |freelance |deputy |associate )?"
    r"(?:writer|editor|reporter|correspondent|contributor|journalist|author|columnist|producer"
    r"|publisher|analyst|blogger|critic)"
)
# "Jane Doe is a staff writer at ...", "Jane Doe (@jdoe) is the editor of ...",
# "Jane Doe ist Redakteurin ...", "Jeanne Dupont est journaliste ...", "Juana Pérez es periodista ..."
_BIO_RE = rx(
    rf"^(?:[A-Z][\w'’.-]+\s+){{1,3}}(?:\([^)]{{1,60}}\)\s+)?(?:is|was|has been)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?{_ROLE}\b"
    r"|^(?:[A-Z][\w'’.-]+\s+){1,3}ist\s+(?:\w+\s+){0,2}(?:Redakteur|Korrespondent|Autor|Journalist|Reporter)"
    r"|^(?:[A-Z][\w'’.-]+\s+){1,3}est\s+(?:\w+\s+){0,2}(?:journaliste|rédact|correspondant|auteur)"
    r"|^(?:[A-Z][\w'’.-]+\s+){1,3}es\s+(?:\w+\s+){0,2}(?:periodista|redactor|corresponsal|autor)",
)
_CONTACT_RE = rx(
    r"^(?:follow|contact|email|e-mail|reach)\s+(?:\S+\s+){0,4}?(?:on|at|via)\s+\S"
    r"|^(?:follow|contact) (?:him|her|them|me|us)\b",
    re.IGNORECASE,
)
# "(责任编辑：王小川)", "Editing by Jane Doe", "Reporting by ...; Editing by ..."
_CREDIT_RE = rx(
    r"^[\W_]*(?:责任编辑|責任編輯|编辑|編集|edited by|editing by|reporting by|additional reporting by"
    r"|redaktion|mitarbeit|rédaction|édition|edición|redacción)\s*[:：]?\s*\S",
    re.IGNORECASE,
)
_TAIL = 6
_MAX_WEIGHT = 80


def author_bios(page: TextPage) -> None:
    """The author bio and contact lines at the article's end ("Jane Doe is a staff writer at ...").

    Many articles close with a line about the author (name, role, employer, handle) or
    an invitation to follow or write to them. Only the last few lines left after
    ``body_region`` are looked at, and only lines that open with a name followed by a
    writer's role, with "Follow ... on", "Contact ... at", or short editor credits
    ("Editing by ...", "（责任编辑：...）").
    """
    alive = page.alive()
    found = []
    for i in alive[-_TAIL:]:
        ln = page.lines[i]
        bio = _BIO_RE.match(ln.text) or _CONTACT_RE.match(ln.text)
        credit = ln.weight <= 15 and _CREDIT_RE.match(ln.text)
        if ln.weight <= _MAX_WEIGHT and (bio or credit):
            found.append(i)
    page.drop(found, "author bio or contact line")

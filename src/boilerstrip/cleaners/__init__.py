"""The HTML cleaners, one concept each, and their default order.

Each cleaner is a function over a :class:`~boilerstrip.page.Page` that drops one kind of
boilerplate and records what it dropped and why. The order matters: markup and hidden
elements go first, the widgets next, then link lists, then the main-content stage, and
duplicates last (among what is left).
"""

from __future__ import annotations

from ..pipeline import Cleaner
from .ads import ads
from .ai_summary import ai_summary
from .author_box import author_boxes
from .bare_values import bare_values
from .byline_date import byline_date
from .calls_to_action import calls_to_action
from .comments import comments
from .consent import consent_banners
from .copyright import copyright_notices
from .counters import counters
from .duplicates import duplicates
from .editor_credits import editor_credits
from .hidden import hidden_elements
from .image_ui import image_ui
from .link_lists import link_lists
from .main_content import main_content
from .markup import non_content_markup
from .navigation import navigation
from .newsletter import newsletter_boxes
from .related import related_lists
from .script_notices import script_notices
from .share import share_buttons
from .sidebars import sidebars
from .tags import tag_lists
from .toolbars import toolbars
from .user_rules import user_rules

HTML_CLEANERS: list[Cleaner] = [
    Cleaner("user_rules", user_rules),
    Cleaner("non_content_markup", non_content_markup),
    Cleaner("hidden_elements", hidden_elements),
    Cleaner("consent_banners", consent_banners),
    Cleaner("navigation", navigation),
    Cleaner("sidebars", sidebars),
    Cleaner("toolbars", toolbars),
    Cleaner("share_buttons", share_buttons),
    Cleaner("comments", comments),
    Cleaner("ads", ads),
    Cleaner("related_lists", related_lists),
    Cleaner("newsletter_boxes", newsletter_boxes),
    Cleaner("copyright_notices", copyright_notices),
    Cleaner("image_ui", image_ui),
    Cleaner("counters", counters),
    Cleaner("tag_lists", tag_lists),
    Cleaner("script_notices", script_notices),
    Cleaner("bare_values", bare_values),
    Cleaner("editor_credits", editor_credits),
    Cleaner("ai_summary", ai_summary),
    Cleaner("author_boxes", author_boxes),
    Cleaner("byline_date", byline_date),
    Cleaner("link_lists", link_lists),
    Cleaner("main_content", main_content),
    Cleaner("calls_to_action", calls_to_action),
    Cleaner("duplicates", duplicates),
]

"""Article prose several test files build their pages from (invented text)."""

from __future__ import annotations

HARBOUR = [
    "The council met on Tuesday evening to debate the harbour plan, which would rebuild the old "
    "quay and add a ferry terminal beside the fish market.",
    "Residents packed the hall, and more than forty of them spoke before the vote was called "
    "shortly after midnight, most of them in favour.",
    "Opponents said the terminal would bring traffic to streets that were laid out for carts, "
    "and asked for a study of parking before any work begins.",
    "Engineers told the meeting that the quay walls are failing and that repairs alone would cost "
    "nearly as much as the new design over twenty years.",
    "Work is due to start in the autumn and to finish within three years, weather and funding "
    "permitting, the harbour master said after the meeting.",
]

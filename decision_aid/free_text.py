"""Free text typed in a visit, made safe to print: cut to its limit, and every character the
sheet's font cannot draw replaced by a visible mark (never dropped without a trace).

The sheet's DejaVu font has no Chinese, Japanese or Korean, and no emoji; it has Arabic and Hebrew
letters, but fpdf2 draws them unjoined and left to right without a shaping engine (none is
installed), so right-to-left writing is replaced too rather than printed wrongly.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

RIGHT_TO_LEFT = {"R", "AL", "AN"}  # Unicode bidirectional classes of right-to-left writing
ATTACHED = {"Mn", "Me", "Cf"}  # marks, joiners and selectors: drawn with the character before
ZERO_WIDTH_JOINER = "\u200d"  # joins two emoji into one symbol


def clip(text: str | None, limit: int, mark: str) -> str | None:
    """text cut to `limit` characters and ending in `mark` when it was longer."""
    if text is None or len(text) <= limit:
        return text
    return f"{text[:limit].rstrip()} {mark}"


def printable(text: str, can_draw: Callable[[int], bool], mark: str) -> tuple[str, bool]:
    """(text with each character the font cannot draw shown as `mark`, whether any was replaced).

    One mark per symbol: an emoji built of several code points (joiners, skin tones, variation
    selectors) shows as one mark. Control characters other than a line break become a space.
    """
    out: list[str] = []
    replaced = joined = False
    for char in text:
        part_of_last = out and out[-1] == mark and (joined or _belongs_to_previous(char))
        joined = char == ZERO_WIDTH_JOINER
        if part_of_last or (0xFE00 <= ord(char) <= 0xFE0F and not can_draw(ord(char))):
            continue  # a variation selector only picks how the character before is drawn
        if char == "\n":
            out.append(char)
        elif unicodedata.category(char) == "Cc":
            out.append(" ")
        elif can_draw(ord(char)) and unicodedata.bidirectional(char) not in RIGHT_TO_LEFT:
            out.append(char)
        else:
            out.append(mark)
            replaced = True
    return "".join(out), replaced


def _belongs_to_previous(char: str) -> bool:
    """Marks, joiners, variation selectors and skin tones are drawn as part of the character before."""
    return unicodedata.category(char) in ATTACHED or 0x1F3FB <= ord(char) <= 0x1F3FF

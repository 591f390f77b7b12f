"""Colours, marker shapes and font sizes shared by every figure (screen and PDF).

Colours are from the Okabe-Ito palette, safe for the common kinds of colour blindness. Each colour
that carries meaning has at least 3:1 contrast against white (WCAG 1.4.11, graphics) and every text
colour at least 4.5:1 (WCAG 1.4.3). Colour is never the only cue: benefit and harm icons also differ
in shape, and icons not affected are hollow.
"""

from __future__ import annotations

from dataclasses import dataclass

BACKGROUND = "#FFFFFF"
TEXT = "#1F2328"  # near-black body text
MUTED_TEXT = "#4D5561"  # secondary text, still well above 4.5:1 on white

BENEFIT = "#0072B2"  # Okabe-Ito blue
HARM = "#D55E00"  # Okabe-Ito vermillion
UNAFFECTED = "#6E6E6E"  # outline of people the outcome did not happen to
GRID = "#D0D4DA"  # light rules; decoration only

# Timeline: solid where studies showed relief; patterned where it may start or may last.
TIMELINE_COLOUR = BENEFIT
TIMELINE_PATTERN = {"may_start": "/", "working": "", "may_last": "."}

FONT_FAMILY = "Source Sans Pro, Arial, sans-serif"
# Icon arrays are pictures (<img>), which load no web fonts: system fonts only.
PICTURE_FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, 'DejaVu Sans', sans-serif"


@dataclass(frozen=True)
class Sizes:
    """Font and icon sizes in pixels; large text scales them all."""

    font: int
    title: int
    small: int
    icon_100: int  # icon width when 100 icons are drawn
    icon_1000: int  # icon width when 1,000 icons are drawn
    cell_100: int  # pixels per icon cell, 100 icons
    cell_1000: int  # pixels per icon cell, 1,000 icons
    bar: int  # timeline bar thickness
    row: int  # timeline row height


NORMAL = Sizes(font=15, title=17, small=14, icon_100=20, icon_1000=9, cell_100=28, cell_1000=13,
               bar=22, row=86)
LARGE = Sizes(font=19, title=21, small=17, icon_100=23, icon_1000=11, cell_100=32, cell_1000=16,
              bar=30, row=112)


def sizes(large_text: bool) -> Sizes:
    return LARGE if large_text else NORMAL


def contrast_ratio(foreground: str, background: str = BACKGROUND) -> float:
    """WCAG contrast ratio of two '#RRGGBB' colours."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

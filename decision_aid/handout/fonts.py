"""The sheet's DejaVu fonts, made quick to load.

The full DejaVu files hold about 6,000 glyphs each; parsing them, and cutting them down to the glyphs
printed when the PDF is written, took most of a build. So once per process a smaller copy of each
font is cut, with the scripts and symbols a sheet is likely to need (Latin, punctuation, common
symbols), and kept in memory as bytes. Each PDF parses its own font objects from those bytes: nothing
that one PDF changes (which glyphs it used, its own subset) is shared with another, and the bytes
themselves never change, so builds in several threads at once are safe.

A sheet that prints a character only the full font has (say, a name in Greek) is built again with
the full fonts (`needs_full_fonts`). Nothing is written to disk.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

from fontTools import subset as ftsubset
from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import TTFFont

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
FAMILY = "DejaVu"
FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}  # style -> file

# Unicode blocks kept in the quick fonts. The content's own characters must be among them
# (tests/test_handout.py checks), so a sheet falls back to the full fonts only for unusual input.
QUICK_BLOCKS = (
    (0x0020, 0x024F),  # Latin: Basic, Latin-1, Extended-A and -B
    (0x2000, 0x206F),  # General Punctuation: dashes, quotes, bullet, ellipsis
    (0x20A0, 0x20CF),  # Currency symbols
    (0x2100, 0x214F),  # Letterlike symbols
    (0x2190, 0x22FF),  # Arrows, mathematical operators (≤ ≥ ≈ −)
    (0x25A0, 0x25FF),  # Geometric shapes
    (0x2700, 0x27BF),  # Dingbats (✓ ✗)
)
QUICK_CHARACTERS = frozenset(c for first, last in QUICK_BLOCKS for c in range(first, last + 1))

_quick_bytes: dict[str, bytes] = {}
_full_chars: frozenset[int] | None = None
_lock = threading.Lock()  # one thread cuts the quick fonts; the others wait for them


def add_fonts(pdf: FPDF, *, full: bool = False) -> None:
    """Make FAMILY (regular and bold) available to `pdf`: the quick fonts, or the full ones."""
    for style, file in FILES.items():
        if full:
            pdf.add_font(FAMILY, style, str(FONT_DIR / file))
        else:
            key = f"{FAMILY.lower()}{style}"  # the key fpdf2's add_font would use
            font = TTFFont(pdf, io.BytesIO(_quick_font(style)), key, style)
            # The glyphs' bounding boxes are already right: recomputing them when the PDF's subset
            # is written would decode every outline.
            font.ttfont.recalcBBoxes = False
            pdf.fonts[key] = font


def needs_full_fonts(pdf: FPDF) -> bool:
    """Whether `pdf`, built with the quick fonts, printed a character only the full fonts have.
    (A character neither has, such as an emoji, prints as an empty box either way.)"""
    missing = {c for font in pdf.fonts.values() for c in getattr(font, "missing_glyphs", ())}
    return bool(missing) and not missing.isdisjoint(_full_characters())


def full_characters() -> frozenset[int]:
    """Every character the sheet's fonts can draw (both styles)."""
    return _full_characters()


def _quick_font(style: str) -> bytes:
    with _lock:
        if style not in _quick_bytes:
            _quick_bytes[style] = _cut(FONT_DIR / FILES[style])
        return _quick_bytes[style]


def _full_characters() -> frozenset[int]:
    global _full_chars
    with _lock:
        if _full_chars is None:
            _full_chars = frozenset().union(*(
                ttLib.TTFont(FONT_DIR / file, lazy=True).getBestCmap() for file in FILES.values()
            ))
        return _full_chars


def _cut(path: Path) -> bytes:
    font = ttLib.TTFont(path, recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    # Tables fpdf2 drops when it writes a PDF anyway (text is not shaped); deleting them before
    # cutting saves decoding them.
    for tag in ("GSUB", "GPOS", "GDEF", "kern", "FFTM", "hdmx", "MATH"):
        if tag in font:
            del font[tag]
    options = ftsubset.Options(notdef_outline=True, recommended_glyphs=True, glyph_names=True)
    options.layout_features = []
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(unicodes=QUICK_CHARACTERS)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()

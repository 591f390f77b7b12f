"""One date format everywhere: '7 March 2026' on screen, in the clinician's note and in the PDF."""

import datetime as dt

from decision_aid.clinician_note import clinician_note
from decision_aid.dates import long_date

from .conftest import open_page


def test_a_date_has_no_leading_zero_and_its_month_in_words(content):
    assert long_date(dt.date(2026, 3, 7), content.meta.formats) == "7 March 2026"
    assert long_date(dt.date(2026, 11, 27), content.meta.formats) == "27 November 2026"


def test_the_screen_and_the_note_write_the_review_date_the_same_way(content):
    reviewed = long_date(content.meta.last_reviewed, content.meta.formats)
    captions = " ".join(c.value for c in open_page("start").caption)
    assert content.pages.ui.content_version.format(version=content.meta.version, reviewed=reviewed) in captions
    assert reviewed in clinician_note(content, None)


def test_numbers_follow_the_language(content):
    from decision_aid.content.meta import Formats
    from decision_aid.figures import format_number

    english = content.meta.formats
    spanish = Formats.model_validate({**english.model_dump(), "thousands_separator": "\u00a0",
                                      "thousands_from": 10000, "decimal_separator": ","})
    assert [format_number(n, english) for n in (7, 1000, 10000, 2.5)] == ["7", "1,000", "10,000", "2.5"]
    assert [format_number(n, spanish) for n in (7, 1000, 10000, 2.5)] == ["7", "1000", "10\u00a0000", "2,5"]

"""One date format everywhere: '7 March 2026' on screen, in the clinician's note and in the PDF."""

import datetime as dt

from decision_aid.clinician_note import clinician_note
from decision_aid.dates import long_date

from .conftest import open_page


def test_a_date_has_no_leading_zero_and_its_month_in_words():
    assert long_date(dt.date(2026, 3, 7)) == "7 March 2026"
    assert long_date(dt.date(2026, 11, 27)) == "27 November 2026"


def test_the_screen_and_the_note_write_the_review_date_the_same_way(content):
    reviewed = long_date(content.meta.last_reviewed)
    captions = " ".join(c.value for c in open_page("start").caption)
    assert content.pages.ui.content_version.format(version=content.meta.version, reviewed=reviewed) in captions
    assert reviewed in clinician_note(content, None)

"""A clinic visit with sharing turned on, in the browser: the clinician ticks the choices on the
checklist, the patient's pages show what the care team noted, another person's session never sees
it, and Start over removes it. axe-core checks the personal pages; screenshots of the personal pages go to test-artifacts/screenshots."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import AppDriver, NewContext, Server
from .test_pages_browser import axe_blocking_violations, full_page_screenshot
from .test_safety_browser import PICTURES_JS

pytestmark = pytest.mark.browser


def _type_choice(app: AppDriver, label: str, option: str) -> None:
    """A drop-down answered as a person with a keyboard does: type the choice's words, Enter."""
    box = app.main().get_by_role("combobox", name=label, exact=True)
    box.click()
    box.press_sequentially(option)
    box.press("Enter")
    app.wait_idle()
    expect(app.main().get_by_role("combobox", name=label, exact=True)).to_have_value(option)


def _pick_several(app: AppDriver, label: str, option: str) -> None:
    """A question that takes several answers: type one, Enter, Escape to close the list."""
    box = app.main().get_by_role("combobox", name=label, exact=True)
    box.click()
    box.press_sequentially(option)
    box.press("Enter")
    box.press("Escape")
    app.wait_idle()
    expect(app.main().get_by_text(option, exact=True).first).to_be_visible()


def timeline_picture_words(app: AppDriver, content) -> str:
    """The words drawn on the timeline picture as the browser got it (it must be there and loaded)."""
    alt = content.meta.formats.figures.timeline_alt.format(title=content.timeline.title)
    picture = app.main().get_by_role("img", name=alt, exact=True)
    expect(picture).to_be_visible()
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0"), "the timeline picture loaded"
    words = app.page.evaluate("alt => " + PICTURES_JS + ".filter(p => p.name === alt)"
                              ".flatMap(p => [...p.svg.querySelectorAll('text')].map(t => t.textContent)).join(' ')", alt)
    assert content.timeline.title in words
    return words


def _marker_count(app: AppDriver, content) -> int:
    return app.main().get_by_text(content.personal.marker).count()


def test_clinic_visit_with_sharing_on(app: AppDriver, new_context: NewContext, server: Server, content):
    words = content.personal
    label = {f.key: f.label for f in content.checklist.fields}

    # The clinician: a patient on warfarin, expected survival 1 to 3 months; both choices ticked.
    app.open("checklist")
    for box in (words.sharing.personal, words.sharing.timeline, words.sharing.timeline_pdf):
        expect(app.main().get_by_role("checkbox", name=box, exact=True)).not_to_be_checked()
    _pick_several(app, label["anticoagulant"], "Warfarin")
    _type_choice(app, label["expected_survival"], "1 to 3 months")
    app.tick(words.sharing.personal)
    app.tick(words.sharing.timeline)

    # The patient's explainer: the point first, marked, then the estimate under the timeline.
    app.go("explainer")
    main = app.main()
    expect(main.get_by_role("heading", name=words.explainer_heading)).to_be_visible()
    expect(main.get_by_text(f"{words.marker}: Blood thinners.").first).to_be_visible()
    expect(main.get_by_text(f"{words.marker}: Bleeding problems").first).to_be_visible()
    expect(main.get_by_text(words.estimate.heading).first).to_be_visible()
    assert words.estimate.label in timeline_picture_words(app, content), "the band is labelled on the chart"
    full_page_screenshot(app.page, "personal-explainer")
    assert not axe_blocking_violations(app.page, "personal-explainer"), "accessible with the personal parts too"

    app.go("options")
    expect(app.main().get_by_text(f"{words.marker}: Blood thinners.").first).to_be_visible()
    expect(app.main().get_by_role("table").first).to_contain_text("Hip injection")
    full_page_screenshot(app.page, "personal-options")
    assert not axe_blocking_violations(app.page, "personal-options"), "accessible with the personal parts too"

    app.go("summary")
    expect(app.main().get_by_text(words.record.heading).first).to_be_visible()
    full_page_screenshot(app.page, "personal-summary")
    assert not axe_blocking_violations(app.page, "personal-summary"), "accessible with the personal parts too"

    # Another person at another screen, meanwhile: nothing from this patient.
    other = AppDriver.new(new_context, server)
    other.open("explainer")
    expect(other.main().get_by_role("heading", name=content.explainer.steps_heading)).to_be_visible()
    assert _marker_count(other, content) == 0
    assert other.main().get_by_text(words.estimate.heading).count() == 0
    assert words.estimate.label not in timeline_picture_words(other, content), "no band for another person"

    # Start over: the choices and the points are gone.
    app.start_over()
    app.go("explainer")
    expect(app.main().get_by_role("heading", name=content.explainer.steps_heading)).to_be_visible()
    assert _marker_count(app, content) == 0
    assert app.main().get_by_text(words.estimate.heading).count() == 0
    app.go("checklist")
    for box in (words.sharing.personal, words.sharing.timeline):
        expect(app.main().get_by_role("checkbox", name=box, exact=True)).not_to_be_checked()
    app.assert_no_error_shown()

"""The start page: the decision, who the tool is for and is not, and the three ways in."""

from __future__ import annotations

from decision_aid import session

from .conftest import open_page


def _page_text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _sidebar_links(at) -> list[str]:
    return [link.proto.label for link in at.sidebar.get("page_link")]


def test_start_page_says_the_decision_who_it_is_for_and_what_it_is_not(content):
    at = open_page("start")
    assert not at.exception, at.exception
    text = content.start
    shown = _page_text(at)
    assert f"**{text.decision}**" in shown
    assert text.for_whom in shown
    assert text.welcome in shown
    for line in text.does_not:
        assert f"- {line}" in shown
    for tip in text.clinician.tips:
        assert f"- {tip}" in shown
    headers = [h.value for h in at.header]
    assert text.not_heading in headers and text.clinician.heading in headers


def test_one_button_per_path_with_its_description(content):
    at = open_page("start")
    labels = {b.key: b.label for b in at.button}
    shown = _page_text(at)
    for path in content.paths.paths:
        assert labels[f"path_start_{path.id}"] == path.name
        assert f"{path.for_whom} {path.how_to_use}" in shown
    assert not [k for k in labels if k and k.startswith(session.PREFIX)], "no button has a da_ key"


def test_clinic_button_keeps_the_path_and_opens_its_first_page_without_large_text(content):
    at = open_page("start")
    at.button(key="path_start_clinic").click().run()
    assert not at.exception, at.exception
    assert at.session_state[session.PATH] == "clinic"
    assert at.title[0].value == next(p.heading for p in content.pages.pages if p.id == "checklist")
    # The sidebar's toggle is not drawn after a switch under AppTest, so its key may be absent.
    assert session.LARGE_TEXT not in at.session_state or at.session_state[session.LARGE_TEXT] is False


def test_education_path_starts_in_large_text_on_the_explainer(content):
    at = open_page("start")
    assert not at.session_state[session.LARGE_TEXT]
    at.button(key="path_start_education").click().run()
    assert not at.exception, at.exception
    assert at.session_state[session.PATH] == "education"
    assert at.session_state[session.LARGE_TEXT] is True
    assert at.title[0].value == next(p.heading for p in content.pages.pages if p.id == "explainer")


def test_education_path_hides_the_checklist_from_the_side_menu(content):
    # AppTest drops the sidebar after a page switch, so the side menu is read on the start page.
    checklist = next(p for p in content.pages.pages if p.id == "checklist")
    on_education = open_page("start", da_path="education")
    on_clinic = open_page("start", da_path="clinic")
    assert checklist.nav_label not in _sidebar_links(on_education)
    section_headings = [m.value for m in on_education.sidebar.markdown]
    assert f"**{checklist.section}**" not in section_headings, "no empty section heading"
    assert checklist.nav_label in _sidebar_links(on_clinic)
    others = [p.nav_label for p in content.pages.pages if p.id != "checklist"]
    assert _sidebar_links(on_education) == others, "every other page stays reachable"


def test_start_page_names_the_chosen_path(content):
    at = open_page("start", da_path="consent")
    consent = next(p for p in content.paths.paths if p.id == "consent")
    assert at.info[0].value == content.start.current_path.format(name=consent.name)

"""Steps of a visit, done in the browser by visible labels (read from the content, like the pages do).

Shared by the journey tests and the privacy tests, so "a visit" means the same thing in both.
"""

from __future__ import annotations

from decision_aid.content import Content

from .conftest import AppDriver

# What a patient might type. Distinctive, so the privacy tests can look for it anywhere.
QUESTION = "Can my daughter Zelda drive me home after the shot? marker-q-7731"
NAME_ON_SHEET = "Quentin Marker-Zyx"


def answer_checklist(app: AppDriver, content: Content, navigate: bool = True) -> None:
    """The clinician's answers for a patient with no flag to stop: INR and platelets in range,
    no infection, imaging available."""
    if navigate:
        app.go("checklist")
    ck = content.checklist
    yes, no = ck.ui.answer_yes, ck.ui.answer_no
    label = {f.key: f.label for f in ck.fields}
    app.number(label["inr"], 1.1)
    app.number(f"{label['platelets']} ({_unit(content, 'platelets')})", 210)
    app.choose(label["systemic_infection"], no)
    app.choose(label["site_skin_infection"], no)
    app.choose(label["image_guidance_available"], yes)
    app.choose(label["tumour_in_needle_path"], no)


def _unit(content: Content, key: str) -> str:
    return next(f.unit for f in content.checklist.fields if f.key == key)


def rate_priorities(app: AppDriver, content: Content, navigate: bool = True) -> None:
    """Rate the first two statements, write a question, answer the SURE test."""
    if navigate:
        app.go("priorities")
    pr = content.priorities
    app.choose(pr.priorities[0].label, pr.label_of(pr.scale[-1].value))
    app.choose(pr.priorities[1].label, pr.label_of(pr.scale[2].value))
    app.write(pr.page.questions_label, QUESTION)
    for item in pr.sure.items:
        app.choose(item.text, pr.sure.yes_label)


def agree_next_step(app: AppDriver, content: Content, navigate: bool = True) -> None:
    """On the summary: the agreed next step, the first consent line ticked, a name for the sheet."""
    if navigate:
        app.go("summary")
    words = content.summary.page
    app.choose(words.next_step_label, content.summary.next_steps[0].label)
    app.tick(content.summary.consent_items[0].label)
    app.write(words.name_label, NAME_ON_SHEET)


def choose_path(app: AppDriver, content: Content, path_id: str) -> None:
    """On the start page, press a guided path's button; it opens the path's first page."""
    path = next(p for p in content.paths.paths if p.id == path_id)
    app.open("start")
    app.press(path.name)
    app.wait_idle(path.page_ids[0])


def next_step(app: AppDriver, content: Content, to_page: str) -> None:
    """The step bar's Next button, which names the page it goes to."""
    label = next(p.nav_label for p in content.pages.pages if p.id == to_page)
    app.press(content.paths.nav.next.format(page=label))
    app.wait_idle(to_page)


def pick_options(app: AppDriver, content: Content, count: int = 2) -> list[str]:
    """Pick the first `count` options to compare; returns their names."""
    text = content.options.page
    names = [o.name for o in content.options.options[:count]]
    app.pick_many(text.pick_label.format(min=text.min_picked, max=text.max_picked), names)
    return names


def answer_quiz(app: AppDriver, content: Content) -> None:
    """Every understanding-check question, answered with its right choice."""
    for item in content.quiz.items:
        app.choose(item.question, item.choice_text(item.correct))

"""What the patient's pages show from the checklist: the personal points, chosen by the clinician.

Pure (no Streamlit): the checklist answers and the clinician's sharing choices in, a `PersonalView`
out. With sharing off the view is empty, whatever the checklist says: nothing from the checklist
reaches a patient page unless the clinician chose it. Topics, wording and which page shows what
come from personal.yaml; the patient words of each finding are the rule's `patient_text`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from decision_aid.checklist import assess, check_answers, holds
from decision_aid.content import Content
from decision_aid.content.explainer import Caution
from decision_aid.content.personal import EstimateBand, PersonalPage, Topic
from decision_aid.session import SessionRecord

PERSONAL = "personal"
TIMELINE = "timeline"
TIMELINE_PDF = "timeline_pdf"
CHOICES = (PERSONAL, TIMELINE, TIMELINE_PDF)
"""The clinician's choices (session keys `session.SHARE` + name), all off until ticked."""


@dataclass(frozen=True)
class Sharing:
    personal: bool = False
    timeline: bool = False
    timeline_pdf: bool = False

    @classmethod
    def from_record(cls, ticks: Mapping[str, bool] | None) -> Sharing:
        ticks = ticks or {}
        return cls(**{name: ticks.get(name) is True for name in CHOICES})


@dataclass(frozen=True)
class Callout:
    """One personal point: its topic and the patient words of each checklist rule that raised it."""

    topic: Topic
    notes: tuple[str, ...]


@dataclass(frozen=True)
class PersonalView:
    sharing: Sharing = field(default_factory=Sharing)
    callouts: tuple[Callout, ...] = ()
    estimate: EstimateBand | None = None

    @property
    def shared(self) -> bool:
        return bool(self.callouts) or self.estimate is not None

    @property
    def estimate_on_pdf(self) -> bool:
        return self.estimate is not None and self.sharing.timeline_pdf

    def on(self, page: PersonalPage) -> list[Callout]:
        return [c for c in self.callouts if page in c.topic.pages]

    def outcome_ids(self) -> list[str]:
        """Figures to show first on the explainer, in topic order, each once."""
        return list(dict.fromkeys(i for c in self.on("explainer") for i in c.topic.outcome_ids))

    def think_twice(self, cautions: list[Caution]) -> tuple[list[Caution], list[Caution]]:
        """(the cautions that apply, marked first; the others), each in the explainer's order."""
        mine = {i for c in self.on("explainer") for i in c.topic.think_twice_ids}
        return [c for c in cautions if c.id in mine], [c for c in cautions if c.id not in mine]


NOTHING = PersonalView()


def personal_view(content: Content, raw_answers: Mapping[str, Any] | None, sharing: Sharing) -> PersonalView:
    """The personal points to show, given the checklist answers (as recorded) and the choices."""
    if not raw_answers or not (sharing.personal or sharing.timeline):
        return PersonalView(sharing=sharing)
    # A refused answer (the checklist page says why) counts as unknown, as on the summary.
    answers, _refused = check_answers(raw_answers, content.checklist)
    callouts = _callouts(content, answers) if sharing.personal else ()
    return PersonalView(sharing=sharing, callouts=callouts,
                        estimate=_estimate(content, answers) if sharing.timeline else None)


def opening_options(content: Content, view: PersonalView) -> list[str]:
    """The options /options opens with: those that fit this patient's points first, then the
    usual first look (the shot, radiation, bone medicine), up to the most the page compares."""
    fitting = [i for c in view.on("options") for i in c.topic.option_ids]
    ids = list(dict.fromkeys(fitting + list(content.personal.default_option_ids)))
    return ids[: content.options.page.max_picked]


def _callouts(content: Content, answers: dict[str, Any]) -> tuple[Callout, ...]:
    checklist = content.checklist
    kept = set(content.personal.clinician_only_rule_ids)
    fired = [f.id for f in assess(answers, checklist).findings if f.id not in kept]  # stop, caution, info
    rules = {r.id: r for r in checklist.rules}
    placed = {i for t in content.personal.topics for i in t.rule_ids}
    values = dict(answers)
    callouts = []
    for topic in content.personal.topics:
        own = [i for i in fired if i in topic.rule_ids or (topic.other_findings and i not in placed)]
        if own or (topic.when is not None and holds(topic.when, values)):
            callouts.append(Callout(topic, tuple(str(rules[i].patient_text) for i in own)))
    return tuple(callouts)


def _estimate(content: Content, answers: dict[str, Any]) -> EstimateBand | None:
    estimate = content.personal.estimate
    value = answers.get(estimate.field)
    return next((b for b in estimate.bands if value is not None and b.value == str(value)), None)


def view_of_record(content: Content, record: SessionRecord | None) -> PersonalView:
    """The personal view of a recorded visit (the summary page, the PDF and the note read it)."""
    if record is None:
        return NOTHING
    return personal_view(content, record.checklist_answers, Sharing.from_record(record.sharing))


def shared_lines(content: Content, view: PersonalView, *, for_sheet: bool = False) -> list[str]:
    """What was shared with the patient, in the patient's words: each point with its notes, then
    the estimate of time (on the take-home sheet only when the clinician ticked it for the sheet)."""
    words = content.personal
    lines = [" ".join([f"{words.marker}: {c.topic.heading}.", *c.notes]) for c in view.on("summary")]
    if view.estimate is not None and (view.estimate_on_pdf or not for_sheet):
        lines.append(words.record.estimate_shared.format(words=view.estimate.words))
    return lines


def note_lines(content: Content, view: PersonalView) -> list[str]:
    """For the clinician's note: the choices made, and the points the patient's pages showed."""
    words = content.personal.record

    def yes_no(on: bool) -> str:
        return words.note_yes if on else words.note_no

    lines = [
        f"{words.note_personal}: {yes_no(view.sharing.personal)}",
        f"{words.note_timeline}: {yes_no(view.sharing.timeline)}"
        + (f" ({view.estimate.words})" if view.estimate is not None else ""),
        f"{words.note_timeline_pdf}: {yes_no(view.estimate_on_pdf)}",
    ]
    if view.callouts:
        lines.append(f"{words.note_points}: " + "; ".join(c.topic.heading for c in view.on("summary")))
    return lines

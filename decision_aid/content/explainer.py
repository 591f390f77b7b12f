"""explainer.yaml: the patient explainer: steps, what we do not know, who should think twice, glossary.

Glossary words are linked from the text by the page (first use of each term), so the YAML stays
plain, readable text; `matches` lists the words in the text that point to a term.
"""

from __future__ import annotations

import re

from pydantic import Field, model_validator

from .base import ContentModel, Id, Text
from .text import PatientText


class Stage(ContentModel):
    """One step of the injection (before, during, after), shown as a numbered card."""

    id: Id
    heading: PatientText
    points: list[PatientText] = Field(min_length=1)
    source_ids: list[Id] = Field(default_factory=list)


class ChanceGroup(ContentModel):
    """Icon arrays shown together; two or more share one denominator so they can be compared."""

    id: Id
    heading: PatientText
    outcome_ids: list[Id] = Field(
        default_factory=list, max_length=3,
        description="Drawn side by side: only figures of the same measure, people and time (check).",
    )
    main_arm: PatientText | None = Field(
        default=None, description="Who the first figure is about, when its outcome names no group."
    )
    note: PatientText | None = Field(
        default=None, description="Words beside the pictures, or instead of them when no figure can be drawn."
    )
    source_ids: list[Id] = Field(default_factory=list)

    @model_validator(mode="after")
    def _pictures_or_words(self) -> ChanceGroup:
        if not self.outcome_ids and not self.note:
            raise ValueError("give outcome_ids, a note, or both")
        return self


class ChanceSection(ContentModel):
    heading: PatientText
    groups: list[ChanceGroup] = Field(min_length=1)


class Point(ContentModel):
    text: PatientText
    source_ids: list[Id] = Field(default_factory=list)


class Caution(ContentModel):
    """A reason to think twice, in a patient's words; the clinician checklist covers each in full."""

    id: Id
    title: PatientText
    text: PatientText
    source_ids: list[Id] = Field(default_factory=list)


class GlossaryTerm(ContentModel):
    id: Id
    term: PatientText
    meaning: PatientText
    matches: list[Text] = Field(min_length=1, description="Words in the page text that link here.")

    @property
    def anchor(self) -> str:
        return f"glossary-{self.id.replace('_', '-')}"


class ExplainerFile(ContentModel):
    steps_heading: PatientText
    steps_intro: PatientText
    stages: list[Stage] = Field(min_length=1)
    timeline_heading: PatientText
    timeline_intro: PatientText
    timeline_option_ids: list[Id] = Field(min_length=1, description="Rows of timeline.yaml to show.")
    chances_heading: PatientText
    chances_intro: PatientText
    benefits: ChanceSection
    harms: ChanceSection
    unknowns_heading: PatientText
    unknowns: list[Point] = Field(min_length=1)
    think_twice_heading: PatientText
    think_twice_intro: PatientText
    think_twice: list[Caution] = Field(min_length=1)
    checklist_pointer: PatientText
    checklist_link: PatientText
    watch_heading: PatientText
    glossary_heading: PatientText
    glossary_intro: PatientText
    glossary: list[GlossaryTerm] = Field(min_length=1)

    def outcome_ids(self) -> list[str]:
        """Every outcome the page draws, benefits first."""
        return [i for s in (self.benefits, self.harms) for g in s.groups for i in g.outcome_ids]


def link_glossary(text: str, terms: list[GlossaryTerm], linked: set[str]) -> str:
    """Markdown with the first use of each glossary term linked to its entry.

    `linked` holds the ids already linked on the page; it is updated, so each term links once.
    """
    by_word = {m.lower(): t for t in terms for m in t.matches}
    if not by_word:
        return text
    words = sorted(by_word, key=len, reverse=True)  # longest first: "bone metastasis" before "metastasis"
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)

    def link(match: re.Match[str]) -> str:
        term = by_word[match.group(0).lower()]
        if term.id in linked:
            return match.group(0)
        linked.add(term.id)
        return f"[{match.group(0)}](#{term.anchor})"

    return pattern.sub(link, text)

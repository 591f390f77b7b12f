"""options.yaml: the choices a patient can make, including doing nothing new.

Each option answers every question of the side-by-side grid, names the options it can be combined
with, and the chances (outcomes.yaml) that /options draws as icon arrays.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import ContentModel, Id
from .outcomes import PopulationKind
from .text import PatientText


class GridQuestion(ContentModel):
    """One row of the side-by-side grid: a question patients ask about every option."""

    id: Id
    label: PatientText


class Answer(ContentModel):
    """One option's answer to one grid question; any number in it cites its sources."""

    text: PatientText
    source_ids: list[Id] = Field(default_factory=list)


class SheetLines(ContentModel):
    """What the take-home sheet says about an option: what may help, and the main risks, equally."""

    helps: PatientText
    risks: PatientText
    source_ids: list[Id] = Field(default_factory=list)


class Option(ContentModel):
    id: Id
    name: PatientText
    summary: PatientText = Field(description="One plain sentence: what it is.")
    people: PatientText | None = Field(
        default=None, description='Names its group under an icon array: "People who had radiation".'
    )
    sheet: SheetLines
    answers: dict[Id, Answer] = Field(description="Grid question id -> this option's answer.")
    combines_with_option_ids: list[Id] = Field(
        default_factory=list, description="Options that can be had together with this one."
    )


class GroupMeasure(ContentModel):
    """What every figure of a comparison group measures; `check` refuses a member that differs."""

    outcome: Id = Field(description="The `measure` every outcome of the group has.")
    population_kind: PopulationKind


class ChanceGroup(ContentModel):
    """Chances of one kind of result, compared across the picked options on one denominator."""

    id: Id
    heading: PatientText
    measures: GroupMeasure
    note: PatientText = Field(description="What to keep in mind when comparing these figures.")
    outcome_ids: list[Id] = Field(min_length=1, description="At most one per option (outcomes.yaml).")


class ApartGroup(ContentModel):
    """Figures on one topic that were measured differently: each drawn alone, under a caveat shown
    as prominently as the pictures, and never on a shared denominator."""

    id: Id
    heading: PatientText
    caveat: PatientText = Field(description="Says plainly not to compare these numbers, and why.")
    outcome_ids: list[Id] = Field(min_length=1)
    source_ids: list[Id] = Field(default_factory=list, description="Sources of any number in the caveat.")


class CombineWords(ContentModel):
    """How the page says whether two options can be had together (symbol + words, never colour)."""

    heading: PatientText
    intro: PatientText
    together: PatientText
    apart: PatientText
    together_symbol: str = Field(min_length=1)
    apart_symbol: str = Field(min_length=1)


class OptionsPage(ContentModel):
    """Wording of the /options page."""

    pick_label: PatientText
    pick_help: PatientText
    pick_prompt: PatientText
    too_few: PatientText
    too_many: PatientText
    min_picked: int = Field(ge=2, description="Fewest options compared at once.")
    max_picked: int = Field(ge=2, description="Most options compared at once (columns stay readable).")
    grid_heading: PatientText
    grid_intro: PatientText
    question_column: PatientText
    rests_on: PatientText = Field(description="After each grid answer; '{sources}' = its short citations.")
    timeline_heading: PatientText
    chances_heading: PatientText
    chances_intro: PatientText
    supportive_care: PatientText = Field(description="Care that belongs to every plan, whatever is chosen.")
    no_chances: PatientText = Field(description="'{names}' = the picked options with no figures.")
    choice_note: PatientText


class OptionsFile(ContentModel):
    questions: list[GridQuestion] = Field(min_length=1)
    options: list[Option] = Field(min_length=2)
    combine: CombineWords
    chance_groups: list[ChanceGroup] = Field(default_factory=list)
    apart_groups: list[ApartGroup] = Field(default_factory=list)
    page: OptionsPage

    @model_validator(mode="after")
    def _every_option_answers_every_question(self) -> OptionsFile:
        questions = [q.id for q in self.questions]
        for i, option in enumerate(self.options):
            missing = [q for q in questions if q not in option.answers]
            extra = [a for a in option.answers if a not in questions]
            if missing:
                raise ValueError(f"options[{i}].answers: option '{option.id}' has no answer for {missing}")
            if extra:
                raise ValueError(
                    f"options[{i}].answers: option '{option.id}' answers unknown questions {extra}"
                )
        return self

    @model_validator(mode="after")
    def _combining_goes_both_ways(self) -> OptionsFile:
        ids = {o.id for o in self.options}
        pairs = {(o.id, other) for o in self.options for other in o.combines_with_option_ids}
        for i, option in enumerate(self.options):
            for other in option.combines_with_option_ids:
                where = f"options[{i}].combines_with_option_ids"
                if other == option.id:
                    raise ValueError(f"{where}: option '{option.id}' cannot combine with itself")
                if other in ids and (other, option.id) not in pairs:
                    raise ValueError(
                        f"{where}: '{option.id}' combines with '{other}' but '{other}' does not list "
                        f"'{option.id}'"
                    )
        return self

    @model_validator(mode="after")
    def _picking_limits_make_sense(self) -> OptionsFile:
        if self.page.min_picked > self.page.max_picked:
            raise ValueError("page.min_picked: must be <= page.max_picked")
        if self.page.min_picked > len(self.options):
            raise ValueError("page.min_picked: more than the number of options")
        return self

    def get(self, option_id: str) -> Option:
        return next(o for o in self.options if o.id == option_id)

    def can_combine(self, first: str, second: str) -> bool:
        return second in self.get(first).combines_with_option_ids

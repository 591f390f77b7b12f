"""The whole content set: one attribute per YAML file, each validated by its own model."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .checklist import ChecklistFile
from .clear import ClearFile
from .clinic import Clinic
from .evidence import EvidenceFile
from .explainer import ExplainerFile
from .fhir import FhirFile
from .meta import Meta
from .options import OptionsFile
from .outcomes import OutcomesFile
from .pages import PagesFile
from .paths import PathsFile
from .personal import PersonalFile
from .priorities import PrioritiesFile
from .quiz import QuizFile
from .sources import SourcesFile
from .start import StartFile
from .summary import SummaryFile
from .timeline import TimelineFile


@dataclass(frozen=True)
class Content:
    meta: Meta
    sources: SourcesFile
    outcomes: OutcomesFile
    options: OptionsFile
    pages: PagesFile
    checklist: ChecklistFile
    explainer: ExplainerFile
    timeline: TimelineFile
    priorities: PrioritiesFile
    quiz: QuizFile
    summary: SummaryFile
    paths: PathsFile
    start: StartFile
    evidence: EvidenceFile
    fhir: FhirFile
    personal: PersonalFile
    clear: ClearFile
    clinic: Clinic | None = None  # content/clinic.yaml, optional (not per language)


# File name -> (Content attribute, model). Every file must exist in a language folder.
FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "meta.yaml": ("meta", Meta),
    "sources.yaml": ("sources", SourcesFile),
    "outcomes.yaml": ("outcomes", OutcomesFile),
    "options.yaml": ("options", OptionsFile),
    "pages.yaml": ("pages", PagesFile),
    "checklist.yaml": ("checklist", ChecklistFile),
    "explainer.yaml": ("explainer", ExplainerFile),
    "timeline.yaml": ("timeline", TimelineFile),
    "priorities.yaml": ("priorities", PrioritiesFile),
    "quiz.yaml": ("quiz", QuizFile),
    "summary.yaml": ("summary", SummaryFile),
    "paths.yaml": ("paths", PathsFile),
    "start.yaml": ("start", StartFile),
    "evidence.yaml": ("evidence", EvidenceFile),
    "personal.yaml": ("personal", PersonalFile),
    "clear.yaml": ("clear", ClearFile),
    "fhir.yaml": ("fhir", FhirFile),
}

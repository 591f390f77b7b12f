"""clinic.yaml (optional, beside the language folders): the service's own name, phones and place.

A clinic edits this file itself, without the clinical review (docs/clinical-review.md). Without it,
the take-home sheet prints blank lines to fill in by hand and the start page says it is not set.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from .base import ContentModel, Text

FILE_NAME = "clinic.yaml"

Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9][0-9 ()-]{5,24}$")]
"""A phone number as it is dialled: digits, spaces, brackets, hyphens, an optional leading +."""


class Clinic(ContentModel):
    service_name: Text = Field(description="The service as patients know it.")
    daytime_phone: Phone
    daytime_hours: Text = Field(description="When the daytime number is answered, e.g. Monday to Friday, 9am to 5pm.")
    out_of_hours_phone: Phone
    emergency: Text = Field(description="What to do in an emergency, in the clinic's own words.")
    procedure_place: Text = Field(description="Where the injection is done.")

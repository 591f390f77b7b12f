"""Text types that say who reads a string.

`PatientText` marks wording a patient reads. It behaves as a plain `str`, but the marker survives
validation, so checks can find every patient-facing string by walking the loaded content: the
readability test, and the rule that a patient never sees a number without a source.
"""

from __future__ import annotations

from typing import Any

from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema


class PatientText(str):
    """A string shown to patients: plain language, US grade 6 or below."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls,
            core_schema.str_schema(min_length=1, strip_whitespace=True),
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

"""Who to call, on the take-home sheet: the clinic's own details from content/clinic.yaml, or clear
blank lines to write them in by hand when the clinic has not set them (labels from meta.yaml)."""

from __future__ import annotations

from decision_aid.content import Content

BLANK = "_" * 30  # a line to write on, long enough for a phone number or a place


def clinic_lines(content: Content) -> list[str]:
    """One "label: value" line per detail; the value is a blank line when the clinic set none."""
    words, clinic = content.meta.clinic_words, content.clinic
    if clinic is None:
        return [f"{label}: {BLANK}" for label in (words.service_name, words.daytime_phone,
                                                  words.out_of_hours_phone, words.emergency,
                                                  words.procedure_place)]
    return [
        f"{words.service_name}: {clinic.service_name}",
        f"{words.daytime_phone}: {clinic.daytime_phone} ({clinic.daytime_hours})",
        f"{words.out_of_hours_phone}: {clinic.out_of_hours_phone}",
        f"{words.emergency}: {clinic.emergency}",
        f"{words.procedure_place}: {clinic.procedure_place}",
    ]

"""What an analysis returns where a report does not print the figures it needs.

Absent is a value: an analysis says "this report does not print it" instead of raising or
returning zeros, and the pages show that sentence in one line.
"""

from __future__ import annotations

from dataclasses import dataclass

from fundanalysis.data.labels import LANGUAGES


@dataclass(frozen=True)
class NotReported:
    """The result of an analysis whose figures the report does not print."""

    what: str
    what_en: str

    def sentence(self, lang: str) -> str:
        if lang == "zh":
            return f"本报告未载明{self.what}。"
        return f"This report does not print {self.what_en}."

    def _repr_markdown_(self) -> str:
        return " / ".join(self.sentence(lang) for lang in LANGUAGES)


#: What a figure that cannot be computed (a share of 0, a rate over nothing) is called: the
#: analyses return it as missing (None or NaN) beside a ``…_computable`` flag, never inf or nan.
NOT_COMPUTABLE = ("无法计算", "not computable")

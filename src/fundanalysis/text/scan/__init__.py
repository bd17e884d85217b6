"""Audit a report straight from its text: every figure, every stated relation, checked.

``scan_text(text, name)`` and ``scan_file(path)`` return a ``ScanResult`` of figures,
relations, possible relations and findings. The command is ``fundanalysis scan``
(``fundanalysis.text.scan.command.main``). Nothing here imports pandas: a scan is a small,
fast process of its own.
"""

from fundanalysis.text.scan.figures import Figure, Number
from fundanalysis.text.scan.findings import Finding
from fundanalysis.text.scan.readers import InputError, read_text
from fundanalysis.text.scan.scanner import Relation, ScanResult, scan_file, scan_text

__all__ = [
    "Figure",
    "Finding",
    "InputError",
    "Number",
    "Relation",
    "ScanResult",
    "read_text",
    "scan_file",
    "scan_text",
]

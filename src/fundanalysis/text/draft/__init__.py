"""Draft a report's data directory from its text: ``fundanalysis draft TEXT DIR``.

The scan (:mod:`fundanalysis.text.scan`) finds every figure, its clause and section, and every
stated sum; the drafter places each figure in the table its clause says (``placing``,
``counts``), writes each fund in the report's one spelling of it (``fundnames``) and a
spending item under the category of the project that prints its money (``categories``), declares
each sum as a total with the filter of its parts (``totals``), takes the sections from the
headings (``outline``), registers the scan's findings, and lists in ``REVIEW.md`` what it
could not place or had to infer (``drafting``). ``writing`` keeps what a person edited when
the text is drafted again.
"""

from fundanalysis.text.draft.drafting import Draft, draft_text
from fundanalysis.text.draft.writing import NotADraft, Written, write_draft

__all__ = ["Draft", "NotADraft", "Written", "draft_text", "write_draft"]

"""One anchor for a section in both languages (a Sphinx extension), so that the language switch
keeps the reader's place and a link to a section works on either page.

Docutils names a section after its heading: ``#key-findings`` on the English page, but
``#id2`` on the Chinese one (it makes no id of Chinese characters), so no anchor of one page
exists on the other. The English site is built first and writes the ids of every page's
sections, in their order, to the file ``fa_section_ids`` names; the Chinese build then gives
each of its sections the id of the English section at the same place (its own stays too).
The two pages of a notebook have the same sections in the same order (each heading is in
both languages); where they do not, the build says so and fails.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.transforms import Transform
from sphinx.util import logging

logger = logging.getLogger(__name__)


def section_ids(doctree: nodes.Node) -> list[str]:
    """The first id of every section of a page, in document order."""
    return [section["ids"][0] if section["ids"] else "" for section in _sections(doctree)]


def _sections(doctree: nodes.Node) -> list[nodes.section]:
    return list(doctree.findall(nodes.section))


def _record(app, doctree) -> None:
    """The reference build: keep this page's section ids, to write when the build ends."""
    if app.config.fa_section_ids_role == "write":
        if not hasattr(app.env, "fa_section_ids"):
            app.env.fa_section_ids = {}
        app.env.fa_section_ids[app.env.docname] = section_ids(doctree)


def _purge(app, env, docname: str) -> None:
    getattr(env, "fa_section_ids", {}).pop(docname, None)


def _write(app, exception) -> None:
    if (
        exception is None
        and app.config.fa_section_ids_role == "write"
        and app.config.fa_section_ids
    ):
        path = Path(app.config.fa_section_ids)
        path.parent.mkdir(parents=True, exist_ok=True)
        recorded = dict(sorted(getattr(app.env, "fa_section_ids", {}).items()))
        path.write_text(json.dumps(recorded, ensure_ascii=False, indent=1), encoding="utf-8")


class SameSectionIds(Transform):
    """Give each section of a page the id of its counterpart in the reference language."""

    # before Sphinx emits doctree-read (a transform of priority 880), whose handlers make the
    # page's table of contents from the section ids
    default_priority = 870

    def apply(self, **kwargs: Any) -> None:
        env = self.document.settings.env
        config = env.config
        if config.fa_section_ids_role != "read" or not config.fa_section_ids:
            return
        if not Path(config.fa_section_ids).is_file():
            logger.warning(
                "no section ids at %s: build the reference language first (tools/build_site.py)",
                config.fa_section_ids,
                location=self.document,
                once=True,
            )
            return
        wanted = _read(config.fa_section_ids).get(env.docname)
        sections = _sections(self.document)
        if wanted is None or len(wanted) != len(sections):
            logger.warning(
                "%s has %d sections, its other language %s: their anchors cannot correspond",
                env.docname,
                len(sections),
                "no page" if wanted is None else len(wanted),
                location=self.document,
            )
            return
        for section, anchor in zip(sections, wanted, strict=True):
            if not anchor or (section["ids"] and section["ids"][0] == anchor):
                continue
            holder = self.document.ids.get(anchor)
            if holder is not None and holder is not section:
                logger.warning(
                    "%s: the anchor %r of a section is taken by another element",
                    env.docname,
                    anchor,
                    location=section,
                )
                continue
            section["ids"] = [anchor, *(i for i in section["ids"] if i != anchor)]
            self.document.ids[anchor] = section


_READ: dict[str, dict[str, list[str]]] = {}


def _read(path: str) -> dict[str, list[str]]:
    if path not in _READ:
        _READ[path] = json.loads(Path(path).read_text(encoding="utf-8"))
    return _READ[path]


def setup(app) -> dict[str, Any]:
    app.add_config_value("fa_section_ids", "", "env", types=frozenset({str}))
    # "write" on the reference language's build, "read" on the other's, "" for neither
    app.add_config_value("fa_section_ids_role", "", "env", types=frozenset({str}))
    app.add_transform(SameSectionIds)
    app.connect("doctree-read", _record)
    app.connect("env-purge-doc", _purge)
    app.connect("build-finished", _write)
    return {"parallel_read_safe": False, "parallel_write_safe": True}

"""One zip of a report's downloads, its Frictionless descriptor beside the files it describes.

A page links each file on its own, but a descriptor downloaded alone names files that are not
beside it: the zip keeps them together, so that ``frictionless validate datapackage.json``
works on the unpacked folder. Entries are in name order with the zip format's earliest time,
so the same files give the same bytes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

#: The zip format's earliest time: entries carry no clock.
_NO_TIME = (1980, 1, 1, 0, 0, 0)


def zip_downloads(folder: Path, name: str) -> Path:
    """Zip every file of ``folder`` (not the zip itself) under a top folder ``name``; return it."""
    target = folder / f"{name}-data.zip"
    files = sorted(p for p in folder.iterdir() if p.is_file() and p != target)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            entry = zipfile.ZipInfo(f"{name}/{path.name}", date_time=_NO_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes())
    return target

"""Settings read from the environment, refused by name when they cannot be what they say.

A setting that names a path must be text this library can write back (UTF-8) and, where it
starts with ``~user``, a user that exists. A setting that cannot be honoured is the
environment's problem, not the data's: it raises :class:`SettingError`, which the command line
reports with exit code 2 and its own message, never as a problem of a data directory.
"""

from __future__ import annotations

import os
from pathlib import Path


class SettingError(RuntimeError):
    """An environment variable (or a path given on the command line) that cannot be used."""

    def __init__(self, name: str, shown: str, reason: str):
        self.name, self.shown, self.reason = name, shown, reason
        super().__init__(f"{name}={shown}: {reason}")


def shown(text: str) -> str:
    """``text`` with what is not UTF-8 (undecodable bytes kept by Python as surrogates) shown
    as the bytes they were (``\\xff``)."""
    try:
        raw = os.fsencode(text)
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def utf8_text(name: str, text: str) -> str:
    """``text`` if it is valid UTF-8 text; else :class:`SettingError` naming ``name``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise SettingError(
            name,
            shown(text),
            "不是 UTF-8 文本 / is not UTF-8 text (a byte that no character is made of)",
        ) from None
    return text


def user_path(name: str, text: str) -> Path:
    """``text`` as a path, ``~`` and ``~user`` expanded; refused if either cannot be."""
    path = Path(utf8_text(name, text))
    if text.startswith("~"):
        expanded = path.expanduser() if _user_known(text) else path
        if str(expanded).startswith("~"):
            user = text[1:].split("/", 1)[0] or "(the current user)"
            raise SettingError(
                name,
                shown(text),
                f"无法展开 ~：用户 {user} 不存在或没有主目录 / cannot expand ~: "
                f"no user {user!r} or no home directory",
            )
        return expanded
    return path


def _user_known(text: str) -> bool:
    try:
        Path(text).expanduser()
    except RuntimeError:  # Python raises when a home directory cannot be determined
        return False
    return True


def setting(name: str) -> str | None:
    """The environment variable ``name``, checked to be UTF-8 text, or ``None`` if unset."""
    value = os.environ.get(name)
    return None if value is None else utf8_text(name, value)

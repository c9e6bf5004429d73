"""Which parameters of a saved query are required, read from its leading comment.

A saved query marks a required parameter in its comment, e.g.
``# Parameter (required): $actor, the actor's label …``; running it without one
answers nothing, so it is refused with the parameter named (issue 10).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from graph.errors import QueryError

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_REQUIRED = re.compile(r"\brequired\b", re.IGNORECASE)


def required_params(text: str) -> tuple[str, ...]:
    """``$names`` on the leading comment lines that say "required"."""
    names: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if _REQUIRED.search(line):
            names.extend(_PARAM.findall(line))
    return tuple(dict.fromkeys(names))


def check_required_params(text: str, params: Mapping[str, str], *, name: str) -> None:
    """Raise :class:`QueryError` naming each required parameter not given."""
    missing = [p for p in required_params(text) if p not in params]
    if missing:
        given = ", ".join(sorted(params)) or "none"
        needed = " ".join(f"--param {p}=VALUE" for p in missing)
        raise QueryError(f"saved query {name!r} needs {needed} (parameters given: {given})")

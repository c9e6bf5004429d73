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


# --------------------------------------------------------------------------
# Parameters that are not values: a page size, and whether one was given (issue 11)

_CLAUSE = re.compile(r"\b(LIMIT|OFFSET)(\s+)\$([A-Za-z_][A-Za-z0-9_]*)", re.IGNORECASE)
_BOUND = re.compile(r"\bBOUND\s*\(\s*\$([A-Za-z_][A-Za-z0-9_]*)\s*\)", re.IGNORECASE)
_DEFAULT = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)\b[^\n]*?\bdefault\s+(\d+)", re.IGNORECASE)
ALL_ROWS = "all"


def bind_clauses(text: str, params: Mapping[str, str]) -> str:
    """Bind ``LIMIT $name`` / ``OFFSET $name`` and ``BOUND($name)`` before the values are bound.

    Why: a saved listing pages (``LIMIT $limit``) so that its first page comes
    at once on a large graph; SPARQL wants a number there, not a literal. The
    number is the one given, else the ``default N`` the query's comment states
    for it; ``all`` (or no default) drops the clause. ``BOUND($name)`` is
    ``true`` when the parameter is given (the variable is then bound to it),
    which lets a query skip, before it runs, the part only a given value needs.
    """
    defaults = {name: value for name, value in _DEFAULT.findall(_comment(text))}

    def clause(match: re.Match[str]) -> str:
        keyword, space, name = match.groups()
        value = params.get(name, defaults.get(name, ALL_ROWS)).strip()
        if value.lower() == ALL_ROWS:
            return ""
        if not value.isdigit():
            raise QueryError(f"parameter {name!r} is a number of rows or {ALL_ROWS!r}, not {value!r}")
        return f"{keyword}{space}{int(value)}"

    text = _CLAUSE.sub(clause, text)
    return _BOUND.sub(lambda m: "true" if m.group(1) in params else m.group(0), text)


def _comment(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return "\n".join(lines)

"""SPARQL over a graph, and the library of saved queries.

Queries run on Oxigraph (rdflib's own engine blows up on multi-pattern joins),
over the union of the per-document named graphs. Saved queries live in
``ontology/queries/*.rq``; their leading ``#`` comment says what they answer,
and their ``$name`` variables are parameters a user may set (unset ones stay
unbound, so the query then answers for everything).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, Mapping

import pyoxigraph as ox

from graph import paths
from graph.errors import QueryError, UnknownQuery
from graph.query_params import bind_clauses
from graph.store import open_store
from graph.store_merge import query_options

QUERIES_DIR = paths.QUERIES
FORMATS = ("table", "csv", "json")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")

_POSITION = re.compile(r"error at (\d+):(\d+)")
MAX_QUERY_CHARS = 200_000
MAX_NESTING = 64  # Oxigraph's recursive parser overflows its stack near 3,000 groups (issue 9)
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*|[(){}\[\]]'
    r'|(?<![\w?$:])SERVICE(?![\w:-])',
    re.IGNORECASE,
)
STANDARD_PREFIXES: dict[str, str] = {
    "ikg": "https://w3id.org/influence-kg/ontology#",
    "id": "https://w3id.org/influence-kg/id/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}


@dataclass(frozen=True, slots=True)
class QueryResult:
    """What a query returned, as plain Python values.

    ``kind`` is ``select`` (``columns`` + ``rows``), ``ask`` (``boolean``) or
    ``graph`` (CONSTRUCT/DESCRIBE: ``rows`` of subject, predicate, object).
    """

    kind: Literal["select", "ask", "graph"]
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[Any, ...], ...] = ()
    boolean: bool | None = None

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts (e.g. for ``pandas.DataFrame(result.records())``)."""
        return [dict(zip(self.columns, row)) for row in self.rows]


@dataclass(frozen=True, slots=True)
class SavedQuery:
    """A query of the library: ``description`` is its leading comment."""

    name: str
    description: str
    text: str
    params: tuple[str, ...] = field(default=())


def run_query(
    store: ox.Store | str | Path,
    sparql: str,
    *,
    params: Mapping[str, str] | None = None,
) -> QueryResult:
    """Run ``sparql`` on the merge of the graph's named graphs (each triple once).

    ``store`` is a pyoxigraph Store or a path for :func:`graph.store.open_store`.
    ``params`` set the query's ``$name`` variables: a value that looks like an
    IRI (``https://…``) becomes an IRI, anything else a string literal.
    """
    check_query_shape(sparql)
    if not isinstance(store, ox.Store):
        store = open_store(store)
    text = with_standard_prefixes(bind_params(sparql, params or {}))
    try:
        raw = store.query(text, **query_options(store))
    except SyntaxError as e:
        raise QueryError(f"malformed SPARQL: {_syntax_message(e)}; fix the query and retry") from e
    except (OSError, RuntimeError, ValueError) as e:
        raise QueryError(f"query failed: {_one_line(e)}") from e
    return _to_result(raw)


def check_query_shape(sparql: str, *, allow_service: frozenset[str] = frozenset(),
                      max_chars: int = MAX_QUERY_CHARS, max_nesting: int = MAX_NESTING) -> None:
    """Refuse, before any parser sees it, a query that is too long, too deep or reaches out.

    Why here: Oxigraph's parser recurses per nesting level and crashes the
    process past a few thousand levels; ``SERVICE`` makes the host send HTTP
    requests wherever the query says (allowed only to ``allow_service`` hosts).
    Brackets inside strings and comments do not count.
    """
    if len(sparql) > max_chars:
        raise QueryError(f"query of {len(sparql)} characters is over the {max_chars} limit; shorten it")
    depth = deepest = 0
    for match in _TOKENS.finditer(sparql):
        token = match.group(0)
        if token[0] in "\"'#":
            continue
        if token[0] not in "<([{)]}":
            _check_service(sparql, match.end(), allow_service)
            continue
        for char in token:
            depth += char in "([{"
            depth -= char in ")]}"
            deepest = max(deepest, depth)
    if deepest > max_nesting:
        raise QueryError(f"query nests {deepest} levels of brackets, over the {max_nesting} limit; flatten it")


def _check_service(sparql: str, end: int, allowed: frozenset[str]) -> None:
    """A SERVICE clause is refused unless it names an IRI on an allowed host."""
    from urllib.parse import urlsplit

    target = re.match(r"\s*(?:SILENT\s+)?<([^<>\s]*)>", sparql[end:], re.IGNORECASE)
    host = urlsplit(target.group(1)).hostname if target else None
    if host is None or host.lower() not in allowed:
        hint = "start the endpoint with --allow-service HOST" if allowed == frozenset() else \
            f"allowed hosts: {', '.join(sorted(allowed))}"
        raise QueryError(f"SERVICE {('to ' + host) if host else 'with a computed or prefixed target'} "
                         f"is refused: federated queries could reach any host ({hint})")


def run_query_isolated(graph: str | Path, sparql: str, *,
                       params: Mapping[str, str] | None = None) -> QueryResult:
    """:func:`run_query` in a child process, so an engine crash is a QueryError, not ours.

    Why: Oxigraph aborts the whole process on some internal panics (issue 9);
    ``kg query`` must still end with one line saying what happened.
    """
    from graph.sandbox import TaskFailed, WorkerCrashed, WorkerGone, WorkerSpec, run_once

    check_query_shape(sparql)
    text = bind_params(sparql, params or {})
    try:
        return run_once(WorkerSpec(str(graph), "graph.query:_isolated_task", memory_mb=0), text)
    except TaskFailed as e:
        raise QueryError(str(e)) from e
    except WorkerGone as e:
        raise QueryError(f"{e}; run the query again") from e
    except WorkerCrashed as e:
        raise QueryError(f"{e}; simplify the query (e.g. drop ORDER BY) and retry") from e


def _isolated_task(store: ox.Store, sparql: str) -> QueryResult:
    return run_query(store, sparql)


def bind_params(sparql: str, params: Mapping[str, str]) -> str:
    """Replace each ``$name`` by the SPARQL form of its value.

    The value is serialised by Oxigraph (quotes and backslashes escaped), so a
    parameter cannot change the query's shape. ``LIMIT $name`` takes a number
    (or ``all``) and ``BOUND($name)`` says whether it was given: see
    :func:`graph.query_params.bind_clauses`.
    """
    unknown = sorted(set(params) - set(_PARAM.findall(sparql)))
    if unknown:
        known = ", ".join(sorted(set(_PARAM.findall(sparql)))) or "none"
        raise QueryError(f"unknown parameter(s) {', '.join(unknown)}; this query takes: {known}")

    def term(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(_param_term(params[name])) if name in params else match.group(0)

    return _PARAM.sub(term, bind_clauses(sparql, params))


def _param_term(value: str) -> ox.NamedNode | ox.Literal:
    if re.match(r"^https?://\S+$", value):
        return ox.NamedNode(value)
    return ox.Literal(value)


def with_standard_prefixes(sparql: str) -> str:
    """``sparql`` with the project's prefixes it uses but does not declare.

    They go on one extra first line, so positions in parser messages shift by
    exactly one line (:func:`_syntax_message` shifts them back).
    """
    declared = {m.lower() for m in re.findall(r"(?i)PREFIX\s+([A-Za-z][\w\-.]*)?:", sparql)}
    missing = [p for p in STANDARD_PREFIXES if p not in declared]
    header = " ".join(f"PREFIX {p}: <{STANDARD_PREFIXES[p]}>" for p in missing)
    return f"{header}\n{sparql}"


def _syntax_message(error: SyntaxError, *, limit: int = 200) -> str:
    """The parser's message, with the user's line numbers, on one short line."""

    def shift(m: re.Match[str]) -> str:
        return f"line {max(int(m.group(1)) - 1, 1)}, column {m.group(2)}"

    text = _POSITION.sub(shift, _one_line(error), count=1)
    if "Prefix not found" in text:
        text = text.split(":", 1)[0] + ": undeclared prefix (add a PREFIX line for it)"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _to_result(raw: Any) -> QueryResult:
    if isinstance(raw, ox.QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(raw))
    if isinstance(raw, ox.QueryTriples):
        rows = tuple(
            (to_python(t.subject), to_python(t.predicate), to_python(t.object)) for t in raw
        )
        return QueryResult(kind="graph", columns=("subject", "predicate", "object"), rows=rows)
    columns = tuple(v.value for v in raw.variables)
    rows = tuple(tuple(to_python(solution[c]) for c in columns) for solution in raw)
    return QueryResult(kind="select", columns=columns, rows=rows)


def to_python(term: Any) -> Any:
    """An RDF term as a Python value: IRIs as str, typed literals as numbers/dates."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return _literal_value(term)
    return str(term)


def _literal_value(lit: ox.Literal) -> Any:
    kind = lit.datatype.value.removeprefix(_XSD)
    try:
        if kind in {"integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger"}:
            return int(lit.value)
        if kind == "decimal":
            return Decimal(lit.value)
        if kind in {"double", "float"}:
            return float(lit.value)
        if kind == "boolean":
            return lit.value in {"true", "1"}
        if kind == "date":
            return dt.date.fromisoformat(lit.value)
    except ValueError:
        return lit.value  # an ill-typed literal is still worth showing as written
    return lit.value


def list_saved_queries() -> list[SavedQuery]:
    """Every saved query, sorted by name."""
    return [load_saved_query(p.stem) for p in sorted(QUERIES_DIR.glob("*.rq"))]


def load_saved_query(name: str) -> SavedQuery:
    """The saved query ``name`` (file stem in ``ontology/queries``)."""
    path = QUERIES_DIR / f"{name}.rq"
    if not re.fullmatch(r"[A-Za-z0-9_\-]+", name) or not path.is_file():
        names = ", ".join(p.stem for p in sorted(QUERIES_DIR.glob("*.rq")))
        raise UnknownQuery(f"no saved query named {name!r}; `kg query --list` shows: {names}")
    text = path.read_text(encoding="utf-8")
    return SavedQuery(
        name=name,
        description=_description(text),
        text=text,
        params=tuple(dict.fromkeys(_PARAM.findall(text))),
    )


def _description(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return " ".join(x for x in lines if x)


def resolve_query_text(spec: str) -> str:
    """A query's text from a file path or a saved query's name."""
    path = Path(spec)
    if path.suffix in {".rq", ".sparql"} or path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except OSError as e:
            raise QueryError(f"{path}: cannot read the query file ({e.strerror})") from e
    return load_saved_query(spec).text


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """``result`` as text: ``table`` (aligned columns), ``csv`` or ``json``."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if result.kind == "ask":
        return json.dumps({"boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower()
    if fmt == "json":
        return json.dumps(result.records(), default=_json_default, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return _csv(result)
    return _table(result)


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    return str(value)


def _csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([_cell(v) for v in row] for row in result.rows)
    return out.getvalue()


def _table(result: QueryResult, *, max_width: int = 60) -> str:
    cells = [[_clip(_cell(v), max_width) for v in row] for row in result.rows]
    widths = [len(c) for c in result.columns]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    line = "  ".join(c.ljust(w) for c, w in zip(result.columns, widths))
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join([line.rstrip(), rule, *body, f"({len(cells)} rows)"])


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"

"""Which arguments fill a frame match's role: the first position that names an acceptable actor or
asset, with a project preferred for the frames whose money goes to one (``asset_first``); read by
:mod:`graph.extract.investments` for investors, targets, sellers and counterparts.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from graph.extract.arguments import Argument, arguments
from graph.extract.context import whole_of_parts
from graph.extract.frames import FrameMatch
from graph.extract.phrases import capitalised, named_asset
from graph.extract.roles import relative_antecedent, support_verb
from graph.extract.tree import prep_objects
from graph.extract.word_lists import word_list
from graph.model import ActorKind


def role_arguments(match: FrameMatch, role: str, accept: Callable[[Argument], bool]) -> list[Argument]:
    """The arguments of the first position of ``role`` that names an acceptable actor or asset (for a
    frame whose money goes to a project, ``asset_first``, the first that names an asset, if any)."""
    verb = (support_verb(match.trigger) if match.nominal else None) or match.trigger  # "X, which provided a loan"
    alone = relative_antecedent(verb) | {match.trigger.i}  # "a loan, and banks X and Y …": no co-target
    positions = [_partners_in(heads) if role == "target" else heads for heads in match.positions(role)]
    filled = [(heads, found) for heads in positions if (found := [a for a in arguments(heads, alone=alone) if accept(a)])]
    target = role == "target"
    if target and match.frame.asset_first:
        filled.sort(key=lambda pair: not any(a.ref.kind is ActorKind.ASSET for a in pair[1]))  # stable: order kept
    if target and len(filled) > 1 and _where_it_is(filled[0][1], [found for _, found in filled[1:]]):
        return filled[1][1]  # "set up a factory in X with an investment of $500m": X is where the factory is
    if target and match.frame.asset_first and filled and _unnamed_parts(filled[0][1]):
        filled.sort(key=lambda pair: not any(named_asset(a.ref) for a in pair[1]))  # "a grant to the X project, mostly for a yard"
    if target and match.frame.form in {"investment", "loan", "grant"} and filled and _listed_parts(*filled[0]):
        whole = whole_of_parts(match.trigger)  # "invest R3.6bn in track upgrades, signalling and rolling stock"
        return [Argument(whole)] if whole is not None else filled[0][1]
    return filled[0][1] if filled else []


def _listed_parts(heads: list[Token], found: list[Argument]) -> bool:
    """The position lists three or more things, its assets with no proper name."""
    return _unnamed_parts(found) and any(len(h.conjuncts) > 1 for h in heads)


def _unnamed_parts(found: list[Argument]) -> bool:
    """The position names only assets with no proper name ("the new container yard")."""
    return all(a.ref.kind is ActorKind.ASSET and not capitalised(a.ref.name) for a in found)


def _partners_in(heads: list[Token]) -> list[Token]:
    """"bought out its local partner in Y": a holder bought out of Y leaves Y as what is bought."""
    return [next(iter(prep_objects(h, {"in"})), h) if h.lemma_.lower() in word_list("co_holder_nouns") else h for h in heads]


def _where_it_is(places: list[Argument], later: list[list[Argument]]) -> bool:
    """Every argument of ``places`` is the place an asset a later position names is in."""
    assets = [a.ref.name for found in later for a in found if a.ref.kind is ActorKind.ASSET]
    return all(any(name.endswith(f" {p.ref.name}") for name in assets) for p in places)

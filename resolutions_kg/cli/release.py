"""``reskg release``: write a versioned, citable release of the store."""

from __future__ import annotations

from pathlib import Path

import click

from resolutions_kg.cli import setting_option
from resolutions_kg.settings import DEFAULT_BASE_IRI, releases_folder


@click.command("release")
@click.argument("version")
@setting_option("store", required=True)
@setting_option("releases", metavar="DIR")
@setting_option("release_metadata", metavar="FILE")
@click.option("--date", default=None, metavar="YYYY-MM-DD",
              help="Release date [default: the day the store was last modified].")
def command(version: str, store: str, releases: str | None, release_metadata: str | None,
            date: str | None) -> None:
    """Write release VERSION (1.0.0, 1.1.0-rc.1) of the store into DIR/VERSION/.

    The release holds gzipped Turtle, N-Quads and TriG dumps; VoID + DCAT with the version, the
    previous version and the files' sha256; a changelog against the previous release (documents
    added and removed, facts added, removed and changed; CHANGELOG.md and changes.ttl); an index
    of the resources; RO-Crate, DataCite and CITATION.cff metadata, ready to deposit. The same
    store, version, date and metadata always give the same bytes. An existing release is never
    overwritten, and a failed release leaves nothing behind.
    """
    from resolutions_kg.endpoint.void import (
        DESCRIPTION,
        LICENSE,
        PUBLISHER_NAME,
        TITLE,
        void_triples,
    )
    from resolutions_kg.release import check_version, release_date, write_release
    from resolutions_kg.release_meta import ReleaseMetadata, load_metadata
    from resolutions_kg.store import open_store, read_state

    check_version(version)
    folder = Path(releases_folder(releases, store) or "releases")
    oxstore = open_store(store, read_only=True)
    state = read_state(store)
    base_iri = state.get("base_iri", DEFAULT_BASE_IRI)
    defaults = ReleaseMetadata(
        title=TITLE["en"], title_ru=TITLE["ru"], description=DESCRIPTION["en"],
        description_ru=DESCRIPTION["ru"], publisher=PUBLISHER_NAME, license=LICENSE,
        license_id="CC0-1.0",
        keywords=("conference resolutions", "libraries", "museums", "linked open data"),
    )
    metadata = load_metadata(
        Path(release_metadata) if release_metadata else folder / "release.toml", defaults)
    day = release_date(state, date)
    info = write_release(oxstore, version, releases=folder, base_iri=base_iri, date=day,
                         metadata=metadata, description=void_triples(oxstore, base_iri))
    click.echo(f"Release {info.version} ({info.date}"
               + (f", after {info.previous}" if info.previous else ", the first") + f") in "
               f"{info.folder}:")
    for f in info.files:
        click.echo(f"  {f.name:<26} {f.size:>10} bytes  sha256 {f.sha256}")

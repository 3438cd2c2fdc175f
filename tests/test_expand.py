"""Ellipses in cohort labels are spelled out with the gazetteer and the registry."""

from __future__ import annotations

import pytest

from resolutions_kg.loaders.expand import expand, implied_regions, inflect_name


@pytest.mark.parametrize(
    ("label", "expanded"),
    [
        ("муниципальные библиотеки Твери и области",
         "муниципальные библиотеки Твери и Тверской области"),
        ("специалисты библиотек Липецка и области",
         "специалисты библиотек Липецка и Липецкой области"),
        ("города Союза Центра и Северо-Запада России",
         "города Союза городов Центра и Северо-Запада России"),
        ("библиотеки Москвы", "библиотеки Москвы"),
        # a city the gazetteer does not know stays as written
        ("библиотеки Урюпинска и области", "библиотеки Урюпинска и области"),
    ],
)
def test_expand(label: str, expanded: str) -> None:
    assert expand(label) == expanded


@pytest.mark.parametrize(
    ("label", "regions"),
    [
        ("библиотеки Твери и области", ("Тверская область",)),
        ("библиотеки Новгородской, Псковской и Тверской областей",
         ("Новгородская область", "Псковская область", "Тверская область")),
        ("библиотеки Москвы", ()),
    ],
)
def test_implied_regions(label: str, regions: tuple[str, ...]) -> None:
    assert implied_regions(label) == regions


@pytest.mark.parametrize(
    ("name", "case", "form"),
    [
        ("Тверская область", "gent", "Тверской области"),
        ("Союз городов Центра и Северо-Запада России", "gent",
         "Союза городов Центра и Северо-Запада России"),
        ("Российская библиотечная ассоциация", "datv", "Российской библиотечной ассоциации"),
    ],
)
def test_inflect_name(name: str, case: str, form: str) -> None:
    assert inflect_name(name, case) == form

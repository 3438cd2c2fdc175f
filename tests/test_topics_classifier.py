"""The topic classifier: lemma rules keyed by the project's topic scheme."""

from __future__ import annotations

import pytest

from resolutions_kg.loaders.topics import RULES, TOPIC_KEYS, classify

EXPECTED_KEYS = (
    "library-policy", "library-cooperation", "library-finance", "library-personnel",
    "library-automation", "digitisation", "digital-libraries", "library-collections",
    "access-to-information", "information-literacy", "reading-promotion",
    "library-use-promotion", "cultural-heritage", "local-history", "local-government",
    "public-libraries", "municipal-libraries", "rural-libraries", "youth",
    "sociocultural-activity", "electronic-services", "social-partnership",
)


def test_topic_keys_are_the_schemes_keys() -> None:
    assert TOPIC_KEYS == EXPECTED_KEYS
    assert set(RULES) == set(TOPIC_KEYS)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Оказывать содействие в оцифровке редких изданий.", "digitisation"),
        ("Обеспечить открытый доступ к оцифрованным изданиям.", "access-to-information"),
        ("Осуществлять софинансирование проектной деятельности библиотек.", "library-finance"),
        ("Повышать квалификацию библиотечных кадров.", "library-personnel"),
        ("Сохранить сеть сельских библиотек.", "rural-libraries"),
        ("Развивать социальное партнёрство.", "social-partnership"),
        ("Использовать новые форматы продвижения книги и чтения среди молодежи.",
         "reading-promotion"),
        ("Использовать новые форматы продвижения книги и чтения среди молодежи.", "youth"),
        ("Активнее предоставлять услуги в электронном виде.", "electronic-services"),
        ("Формировать краеведческие фонды.", "local-history"),
        ("Формировать краеведческие фонды.", "library-collections"),
        ("Органам местного самоуправления учитывать интересы библиотек.", "local-government"),
        ("Поддерживать муниципальные библиотеки.", "municipal-libraries"),
        ("Публичная библиотека в городской среде.", "public-libraries"),
        ("Развивать информационную грамотность населения.", "information-literacy"),
        ("Подключить библиотеки к сети Интернет.", "library-automation"),
        ("Создать электронную библиотеку региона.", "digital-libraries"),
        ("Сохранять культурное наследие.", "cultural-heritage"),
        ("Развивать сотрудничество с музеями и архивами.", "library-cooperation"),
        ("Популяризировать деятельность библиотек.", "library-use-promotion"),
        ("Проводить социокультурные мероприятия.", "sociocultural-activity"),
        ("Разработать региональную программу поддержки чтения.", "library-policy"),
    ],
)
def test_rule_finds_topic(text: str, key: str) -> None:
    assert key in classify(text)


def test_inflected_forms_match_by_lemma() -> None:
    assert "rural-libraries" in classify("СЕЛЬСКИМИ библиотеками")
    assert "digitisation" in classify("оцифровки")


def test_unrelated_text_has_no_topics() -> None:
    assert classify("Погода была солнечной.") == ()


def test_result_follows_the_order_of_the_scheme() -> None:
    got = classify("Обеспечить доступ к оцифрованным краеведческим изданиям сельских библиотек.")
    assert list(got) == sorted(got, key=TOPIC_KEYS.index)

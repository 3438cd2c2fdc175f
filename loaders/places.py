"""Countries printed beside a place: «Минск, Республика Беларусь». (Places themselves are
found by :mod:`.settlements` and chosen by :mod:`.header`.)
"""

from __future__ import annotations

import re

COUNTRIES = {
    "россия": "Россия", "российская федерация": "Российская Федерация", "рф": "Россия",
    "беларусь": "Беларусь", "республика беларусь": "Республика Беларусь",
    "белоруссия": "Беларусь", "казахстан": "Казахстан",
    "республика казахстан": "Республика Казахстан", "украина": "Украина",
    "армения": "Армения", "республика армения": "Республика Армения",
    "кыргызстан": "Кыргызстан", "киргизия": "Кыргызстан", "узбекистан": "Узбекистан",
    "таджикистан": "Таджикистан", "азербайджан": "Азербайджан", "молдова": "Молдова",
    "латвия": "Латвия", "литва": "Литва", "эстония": "Эстония", "грузия": "Грузия",
    "абхазия": "Абхазия", "монголия": "Монголия", "китай": "Китай",
    "туркменистан": "Туркменистан", "польша": "Польша", "финляндия": "Финляндия",
    "германия": "Германия", "франция": "Франция", "италия": "Италия", "норвегия": "Норвегия",
    "швеция": "Швеция", "сербия": "Сербия", "болгария": "Болгария", "чехия": "Чехия",
    "словакия": "Словакия", "венгрия": "Венгрия", "турция": "Турция", "сирия": "Сирия",
    "иран": "Иран", "индия": "Индия", "вьетнам": "Вьетнам", "япония": "Япония",
    "республика корея": "Республика Корея", "сша": "США",
}


def _country(segment: str) -> str | None:
    return COUNTRIES.get(" ".join(segment.lower().split()))


def country_after(text: str, end: int) -> str | None:
    """The country named right after a place («Минск, Республика Беларусь»)."""
    m = re.match(r"[ \t\u00a0]*,[ \t\u00a0]*([^,;()\n]+)", text[end : end + 60])
    if m is None:
        return None
    return _country(m.group(1).strip(" .*_\t"))


def only_places(text: str) -> bool:
    """``text`` (a bracket's content) names only where a body is: «г. Даугавпилс, Латвия»,
    «Белосток, Польша», «Литва»."""
    from .settlements import find_settlements

    parts = [p.strip(" .") for p in text.split(",")]
    for part in parts:
        bare = re.sub(r"^(?:г|гор|город)\.?\s*", "", part)
        if _country(bare) is not None:
            continue
        found = find_settlements(bare, 0, len(bare))
        if len(found) != 1 or found[0].start > 0 or found[0].end < len(bare):
            return False
    return bool(parts)

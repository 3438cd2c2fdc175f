"""Topics of a recommendation: keyword rules over lemmas, keyed by the project's topic scheme.

Each key of :data:`RULES` is a concept of ``ontology/topics.ttl``; its patterns are sequences of
lemmas (``ё`` written ``е``) that must occur next to each other in the text. A pattern ending in
``*`` matches any lemma starting with it.
"""

from __future__ import annotations

from .russian import lemma, words

TOPIC_KEYS: tuple[str, ...] = (
    "library-policy", "library-cooperation", "library-finance", "library-personnel",
    "library-automation", "digitisation", "digital-libraries", "library-collections",
    "access-to-information", "information-literacy", "reading-promotion",
    "library-use-promotion", "cultural-heritage", "local-history", "local-government",
    "public-libraries", "municipal-libraries", "rural-libraries", "youth",
    "sociocultural-activity", "electronic-services", "social-partnership",
)

RULES: dict[str, tuple[str, ...]] = {
    "library-policy": (
        "политика", "стратегия", "концепция", "целевой программа", "региональный программа",
        "программа поддержки", "модель", "модернизация", "закон", "нормативный", "стандарт",
        "сохранить библиотечный", "сеть сельский", "не допускать", "закрытие",
    ),
    "library-cooperation": (
        "сотрудничество", "взаимодействие", "кооперация", "корпоративный", "согласовать",
        "обмен опыт", "совместный", "межведомственный",
    ),
    "library-finance": (
        "финансирование", "софинансирование", "бюджет", "средство на", "предусматривать средство",
        "предусмотреть средство", "расход", "грант",
        "финансовый", "оплата труд",
    ),
    "library-personnel": (
        "кадр", "квалификация", "обучение", "обучающий", "подготовка специалист", "персонал",
        "оплата труд", "сотрудник", "профессиональный обучение", "повышение квалификация",
    ),
    "library-automation": (
        "автоматизация", "информатизация", "компьютер*", "оборудование",
        "материально-технический", "техническое обеспечение", "технический обеспечение",
        "интернет", "подключение", "технология",
    ),
    "digitisation": (
        "оцифровка", "оцифровать", "оцифрованный", "сканирование", "электронный копия",
    ),
    "digital-libraries": (
        "электронный библиотека", "цифровой библиотека", "электронный ресурс", "нэб",
        "электронный каталог", "электронный коллекция",
    ),
    "library-collections": (
        "фонд", "комплектование", "коллекция", "издание", "обновление фонд",
    ),
    "access-to-information": (
        "доступ", "открытый доступ", "информационный пространство", "информационный вертикаль",
        "доступность",
    ),
    "information-literacy": (
        "информационный грамотность", "медиаграмотность", "информационный культура",
        "грамотность",
    ),
    "reading-promotion": ("чтение", "продвижение книга", "книга", "читательский"),
    "library-use-promotion": (
        "популяризировать", "популяризация", "продвижение библиотека", "имидж", "видимый",
        "реклама", "привлечение читатель", "опрос читатель", "качество библиотечный",
    ),
    "cultural-heritage": ("наследие", "уникальный", "редкий", "книжный памятник", "памятник"),
    "local-history": ("краеведческий", "краеведение", "местный история"),
    "local-government": (
        "орган местный", "местный самоуправление", "муниципальный образование",
        "муниципальный район", "городской округ", "администрация", "общественный совет",
        "государственный политика",
    ),
    "public-libraries": ("публичный библиотека", "общедоступный библиотека"),
    "municipal-libraries": (
        "муниципальный библиотека", "библиотечный система", "цбс", "библиотека муниципальный",
        "центральный библиотека",
    ),
    "rural-libraries": ("сельский",),
    "youth": (
        "молодежь", "молодой поколение", "молодежный", "юношеский", "подросток", "школа",
        "школьник", "студент", "колледж", "детский",
    ),
    "sociocultural-activity": (
        "социокультурный", "мероприятие", "клуб", "досуг", "культурно-просветительский",
        "площадка", "местный сообщество", "конкурс",
    ),
    "electronic-services": (
        "электронный вид", "электронный услуга", "электронный коммуникация", "сайт",
        "социальный сеть", "онлайн", "дистанционный", "услуга",
    ),
    "social-partnership": (
        "социальный партнерство", "партнерство", "партнер", "общественный объединение",
        "волонтер", "некоммерческий", "общественный организация", "местный общественный",
    ),
}


def _compiled() -> list[tuple[str, tuple[str, ...]]]:
    return [(key, tuple(pattern.split())) for key, patterns in RULES.items()
            for pattern in patterns]


_PATTERNS = _compiled()
#: The patterns by their first lemma, and those whose first word is a prefix («цифров*»): each
#: position of a text is tried against the few patterns that can start there, so classifying is
#: linear in the text.
_BY_FIRST: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
_PREFIX_FIRST: list[tuple[str, tuple[str, ...]]] = []
for _key, _pattern in _PATTERNS:
    if _pattern[0].endswith("*"):
        _PREFIX_FIRST.append((_key, _pattern))
    else:
        _BY_FIRST.setdefault(_pattern[0], []).append((_key, _pattern))


def lemmas(text: str) -> list[str]:
    return [lemma(w) for w, _, _ in words(text)]


def _matches(seq: list[str], i: int, pattern: tuple[str, ...]) -> bool:
    if i + len(pattern) > len(seq):
        return False
    return all(seq[i + j] == p or (p.endswith("*") and seq[i + j].startswith(p[:-1]))
               for j, p in enumerate(pattern))


def classify(text: str) -> tuple[str, ...]:
    """Topic keys whose patterns occur in ``text``, in the order of :data:`TOPIC_KEYS`."""
    seq = lemmas(text)
    hits: set[str] = set()
    for i, first in enumerate(seq):
        candidates = _BY_FIRST.get(first, [])
        if _PREFIX_FIRST:
            candidates = candidates + [(k, p) for k, p in _PREFIX_FIRST
                                       if first.startswith(p[0][:-1])]
        for key, pattern in candidates:
            if key not in hits and _matches(seq, i, pattern):
                hits.add(key)
    return tuple(k for k in TOPIC_KEYS if k in hits)

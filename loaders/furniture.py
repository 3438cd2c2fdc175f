"""Page furniture: what a web page or a copied page puts around a resolution and is never a fact.

News timestamps («12.03.2018 09:15», «Опубликовано: 15 марта 2017»), navigation and breadcrumbs
(«Главная / Новости», «Вернуться к списку новостей»), share buttons, view counters, footers (©,
street address, phone, e-mail, web address). HTML readers mark lines inside ``<nav>``,
``<footer>``, ``<aside>`` and the like (:attr:`~.rendition.Line.furniture`); this module
recognises the rest from the words of a block.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # blocks.py asks :func:`looks_like_furniture` about lines
    from .blocks import Block

_STRONG = [
    r"©|\(c\)\s*\d{4}|все права защищены",
    r"^(?:адрес|наш адрес|почтовый адрес|юридический адрес|контакты)\s*:",
    r"(?:^|\s)(?:тел(?:ефон)?|т/ф|тел\./факс|факс|моб)\.?\s*[:.]?\s*[+\d(]",
    r"\+7\s*\(?\d{3,4}\)?\s*\d|(?:^|\s)8\s*\(\d{3,5}\)\s*\d",
    r"\b\d{6},\s*(?:г\.|город|[А-ЯЁ])",  # a postal code before a city: a street address
    r"(?:^|\s)ул\.\s*[А-ЯЁ].{0,40}(?:д\.|дом)\s*\d",
    r"^(?:опубликовано|дата публикации|дата размещения|обновлено|изменено|размещено|"
    r"добавлено)\b",
    r"^(?:просмотров|просмотры|комментарии|рубрика|теги|метки|источник|фото)\s*(?::|\d|$)",
    r"^(?:перепечатка|использование) материалов\b",
    # a link to a file: «Скачать программу семинара (PDF, 240 Кб)»
    r"^(?:скачать|загрузить)\b|\((?:pdf|docx?|rtf|odt|xlsx?|zip)[,\s]+[\d.,]+\s*(?:кб|мб|kb|mb)\)",
    r"^(?:поделиться|версия для печати|распечатать|вернуться|назад к|все новости|читать далее"
    r"|читать также|читайте также|см\. также|смотрите также|похожие новости|другие новости"
    r"|последние новости|ещё новости|еще новости|подробнее|карта сайта|обратная связь"
    r"|подписаться на)",
    r"^(?:главная|новости|события|о нас|контакты|поделиться|меню|поиск)$",
    r"^(?:главная|новости|события|о нас|контакты)\s*(?:[/|>»→·\"]|\s-\s)",  # (» typed as ")
    r"(?:^|\s)\d{1,2}:\d{2}(?:\s|$)",  # a clock time: a news timestamp
    r"просмотр(?:ов|ы)\s*:?\s*\d",
    # page numbers of a text copied from a paged document: «– 2 –», «- 1 -», «2», «Страница 1
    # из 2», «стр. 3»
    r"^[-–—•]?\s*\d{1,3}\s*[-–—•]?$",
    r"^(?:страница|стр\.)\s*\d{1,3}(?:\s*(?:из|/)\s*\d{1,3})?$",
]
#: Only in short lines that do not end a sentence: an item may give a web address.
_WEAK = [
    r"(?:^|\s)e-?mail\s*:|[\w.+-]+@[\w-]+\.[\w.]+",
    r"https?://|www\.[\w-]+\.",
    r"вконтакте|одноклассники|telegram|телеграм|facebook|twitter|youtube|rutube",
]
_FURNITURE = re.compile("|".join(f"(?:{p})" for p in _STRONG), re.I)
_FURNITURE_WEAK = re.compile("|".join(f"(?:{p})" for p in _WEAK), re.I)
#: «Новости | 12.03.2018», «Главная > Новости > …»: short lines cut by separators.
_SEPARATED = re.compile(r"^[^.!?]{0,80}(?:\s[|>»/·]\s[^.!?]{0,60}){1,}$")


#: A labelled field of a form-like header: «Место проведения: г. Великие Луки», «Дата
#: проведения: 30–31 января 2013 г.», «Сроки проведения: …».
#: («| **Место проведения:** | г. Каргополь |», «| Место проведения | … |»: a table's row too)
FIELD = re.compile(r"[|*_ ]*(?P<what>место|город|дата|даты|сроки|время)(?:\s+и\s+время)?"
                   r"(?:\s+проведения)?[\s*_]*"  # («Дата и время проведения | 2 июня 2021 г.»)
                   r"[:–—|-]", re.I)  # («| **Место** | г. Минусинск, … |», «**Место:** …»)


def is_furniture(text: str, block: Block) -> bool:
    """Whether ``block`` is page furniture rather than part of the resolution (never a field of
    a form-like header: «Дата проведения: 15 ноября 2016 года, 15:00», «Место проведения: г.
    Сызрань, ул. Советская, д. 17»)."""
    if block.furniture:
        return True
    field = FIELD.match(text, block.start, block.end)
    return looks_like_furniture(text[block.start : block.end]) and (
        field is None or _PAGE_STAMP.search(text, field.end(), block.end) is not None)


#: What only a page's own stamp holds beside its date: «Дата: 22.11.2021 Просмотров: 412
#: Распечатать» is the page's, not the event's.
_PAGE_STAMP = re.compile(r"просмотр(?:ов|ы)\s*:?\s*\d|распечатать|версия\s+для\s+печати", re.I)


_FRONT_MATTER = re.compile(r"[A-Za-z_][\w-]*:(?:\s|$)")
_ARROW = re.compile(r"^(?:[←→⇐⇒]|<-|\?)\s*")
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]{1,80})\]\([^)\s]{0,200}\)")


def looks_like_furniture(content: str) -> bool:
    """Whether a paragraph or a line reads as page furniture (an address, a timestamp, …)."""
    content = content.strip("*_ \t")
    content = _ARROW.sub("", content)  # «← Вернуться к списку новостей» (in Windows-1251: «?»)
    if len(content) > 300:
        return False
    # «[Версия для печати](?print=Y) · [Вернуться …](/…)»: a Markdown link's words, where the
    # link was left as text
    content = _MARKDOWN_LINK.sub(r"\1", content)
    if _FURNITURE.search(content):
        return True
    lines = [line for line in content.splitlines() if line.strip() != "---"]
    if len(lines) >= 2 and all(_FRONT_MATTER.match(line) for line in lines):
        return True  # a page's front matter: «layout: document», «title: "…"», «date: …»
    if content.startswith("|") and content.endswith("|"):
        return False  # a row of a Markdown table («| 1 | Тема | Формат |»), cut by bars too
    if len(content) <= 120 and not content.endswith((".", ";")) and _FURNITURE_WEAK.search(content):
        return True
    return bool(_SEPARATED.match(content)) and not content.endswith(":") and not _dateline(
        content)


def _dateline(content: str) -> bool:
    """«Владивосток · 23–25 сентября 2008 года»: a settlement and a date, cut by a separator,
    are the event's dateline, not a page's."""
    from .dates import find_dates
    from .settlements import find_settlements

    parts = [part.strip() for part in re.split(r"\s[|>»/·]\s", content)]
    if not 2 <= len(parts) <= 3:
        return False  # («Сыктывкар | 22–23 апреля 2015 года | Национальная библиотека …»)
    dated = [bool(find_dates(part)) for part in parts]
    return dated.count(True) == 1 and any(  # («Өскемен қ. / г. Усть-Каменогорск «12» ноября»)
        found.known or found.marked for part in parts
        for found in find_settlements(part, 0, len(part))
        if found.start == len(part) - len(part.lstrip(" г.")) or found.marked)


#: «Организаторы: …» above the heading (beside the event's name and dateline): a field too.
_ORGANISERS_FIELD = re.compile(r"[|*_ ]*организатор[а-яё]*[*_ ]*[:–—|]", re.I)


def header_fields(text: str, above: list[Block]) -> list[tuple[int, int]]:
    """A form-like header above the document's heading, from its first field to the heading
    («Дата: … / Место: … / Организаторы: A; / B / Участники: 126 человек»), as one range to read
    organisers and the total from; none when no field opens a block there."""
    top = next((b.start for b in above if FIELD.match(text, b.start, b.end)
                or _ORGANISERS_FIELD.match(text, b.start, b.end)), None)
    return [(top, above[-1].end)] if top is not None else []

"""An appeal («Обращение участников … к Народному Хуралу …») asks the body it is addressed to:
its requests and proposals that name no one of their own («Учитывая изложенное, просим Вас: …»)
are addressed to that body — named in the heading after «к», or above the heading in the dative
(«Главам муниципальных районов и муниципальных округов Тамбовской области»)."""

from __future__ import annotations

import dataclasses
import re

from resolutions_kg.records import Addressee, Certainty

from .addressing import addressee_at
from .blocks import Block, body_text
from .dates import find_dates
from .headings import SPEAKER
from .items import Items
from .russian import has_pos

_TO = re.compile(r"(?<![а-яё])к\s+(?=[А-ЯЁа-яё])")


def appeal_addressee(text: str, bs: list[Block], head_index: int, head_end: int
                     ) -> Addressee | None:
    """The body the appeal whose heading is ``bs[head_index]`` (to ``head_end``) is to."""
    for bl in bs[head_index : head_index + 3]:  # (the heading's lines, to its date line)
        end = max(head_end, bl.end) if bl.start < head_end else bl.end
        if find_dates(text[bl.start : bl.end]):
            break
        for m in _TO.finditer(text, bl.start, end):
            if (found := addressee_at(text, m.end(), end, "datv")) is not None:
                return dataclasses.replace(found, certainty=Certainty(
                    0.85, "the body the appeal is to, named in its heading"))
    above = bs[max(0, head_index - 5) : head_index]
    for k in range(len(above) - 1, -1, -1):
        a, b = body_text(text, above[k])
        while a < b and text[a] in "> \t":
            a += 1
        if _POSTAL.search(text, a, b) or k and _GENITIVE_LINE.fullmatch(text, a, b) and has_pos(
                text[a:b].split()[0], {"NOUN", "ADJF"}, "gent"):  # (not «Губернатору …»)
            continue  # «Малый Гнездниковский пер., д. 7/6», «г. Москва, 125009»: its address;
            # («Российской Федерации» goes on the line above)
        # «Министерству культуры» / «Российской Федерации»: the name over two lines
        b = next((body_text(text, bl)[1] for bl in above[k + 1 : k + 2]
                  if _GENITIVE_LINE.fullmatch(text, *body_text(text, bl))), b)
        found = addressee_at(text, a, b, "datv") if not find_dates(text[a:b]) else None
        if found is not None and not text[found.span.end : b].strip(" \t\n>.,*_"):
            return dataclasses.replace(found, certainty=Certainty(
                0.8, "the body the appeal is to, above its heading"))
    return None


#: A postal address above an appeal: a street, a house, a postcode.
_POSTAL = re.compile(r"(?<![а-яё])(?:ул\.|улица|пер\.|переулок|пр\.|проспект|д\.\s*\d|\d{6})",
                     re.I)
#: A line that goes on a name in the genitive: «Российской Федерации», «Костромской области».
_GENITIVE_LINE = re.compile(
    r"\s*[А-ЯЁ][а-яё-]+(?:ой|ого|ых)?\s+[А-ЯЁа-яё][а-яё-]+(?:\s+[а-яё-]+)?\s*")


def addressed(items: Items, to: Addressee) -> Items:
    """``items`` with the appeal's addressee given to each request and proposal that names
    none."""
    items.recommendations = [r if r.addressee is not None else dataclasses.replace(
        r, addressee=to) for r in items.recommendations]
    items.proposals = [p if p.addressee is not None or SPEAKER.match(p.text.value) else
                       dataclasses.replace(p, addressee=to) for p in items.proposals]
    return items  # («Участники форума поддерживают предложение … провести …»: said of others)

"""The organisation in a document's letterhead, the organiser of a sitting of its own body:
«МИНИСТЕРСТВО КУЛЬТУРЫ САРАТОВСКОЙ ОБЛАСТИ» over «РЕШЕНИЕ КОЛЛЕГИИ», «БИБЛИОТЕЧНАЯ
АССОЦИАЦИЯ КРАСНОЯРСКОГО КРАЯ» over «ВЫПИСКА ИЗ ПРОТОКОЛА заседания Правления» — when no
sentence names who organised it."""

from __future__ import annotations

import dataclasses
import re

from resolutions_kg.records import Certainty, OrganisationMention, Span, Spanned

from .blocks import Block
from .casing import restore_case
from .doctype import DOCUMENT_TYPE
from .organisations import mention

#: A sitting of an organisation's own body (the event kind as read).
SITTING = re.compile(r"(?:заседание\s+)?(?:коллегии|коллегия|правления|президиума)$")
#: The body that sits, on a line of its own under the letterhead: «КОЛЛЕГИЯ».
_BODY = re.compile(r"КОЛЛЕГИЯ|ПРАВЛЕНИЕ|СОВЕТ|ПРЕЗИДИУМ")
#: The head words of a letterhead's organisation.
_HEADS = re.compile(r"(?:МИНИСТЕРСТВО|ДЕПАРТАМЕНТ|КОМИТЕТ|АГЕНТСТВО|УПРАВЛЕНИЕ"
                    r"|(?:[А-ЯЁ-]+\s+){0,3}АССОЦИАЦИЯ)(?![А-ЯЁ])")


def letterhead_organiser(text: str, front: list[Block], head_index: int, kind: str
                         ) -> OrganisationMention | None:
    """The organisation whose name in capitals opens the document, above its heading, when the
    event is a sitting of that organisation's collegium, board or presidium."""
    if not SITTING.match(kind) or not front or head_index == 0:
        return None
    top = [front[0]]  # (header lines may stand as blocks of their own, a newline apart)
    for block in front[1:head_index]:
        if text[top[-1].end : block.start].count("\n") > 1:
            break
        top.append(block)
    lines = [ln for bl in top for ln in bl.lines if text[ln.body : ln.end].strip()]
    caps: list[tuple[int, int]] = []
    for ln in lines:
        said = text[ln.body : ln.end].strip(" *_#")
        if not said.isupper() or _BODY.fullmatch(said) or DOCUMENT_TYPE.match(said):
            break  # (a name wrapped over lines goes on: «… И / АРХИВНОГО ДЕЛА …»)
        a = text.index(said, ln.body)
        caps.append((a, a + len(said)))
    if not caps or not _HEADS.match(text, caps[0][0]):
        return None
    a, b = caps[0][0], caps[-1][1]
    name = restore_case(" ".join(text[a:b].split()))
    found = mention(text, a, b, "nomn")
    return dataclasses.replace(found, name=Spanned(
        name[:1].upper() + name[1:], Span(a, b),
        Certainty(0.7, "the letterhead's organisation, whose body sat")))

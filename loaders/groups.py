"""The groups that took part, gathered from every place the preamble names them: a table of
participants first, then each sentence of taking part (and the list items under one that ends
with a colon), then the items under a caption «Участники форума:». A group named again is kept
once; named again with how it took part («… Кыргызстана, Казахстана и Таджикистана; коллеги из
Таджикистана участвовали онлайн»), it takes that mode."""

from __future__ import annotations

import dataclasses
import re

from resolutions_kg.records import Cohort, OrganisationMention

from .blocks import Block, list_items_after
from .lists import LIST_OPENERS
from .participants import cohorts, listed_cohorts
from .places import country
from .rosters import PRESENT_CAPTION
from .russian import lemma, parses, words
from .totals import LIST_OF_GROUPS, Count


def event_groups(text: str, preamble: list[Block], participation: list[tuple[int, int]],
                 count: Count | None, rows: list[Cohort],
                 orgs: tuple[OrganisationMention, ...]) -> list[Cohort]:
    groups: list[Cohort] = list(rows)  # a table of participants first, then the sentences'
    for a, b in participation:  # «… 214 человек из 11 стран … Были представлены 46 …»
        said = len(groups)
        seen = text
        if (we := LIST_OPENERS.search(text, a, b)) and we.group("we") and (
                close := re.search(r",?\s[—–-]\s", text[we.end() : b])):
            # «Мы, участники …, — 94 … — обращаемся к вам …»: the groups end with the dash (the
            # rest blanked, a full stop where it begins)
            cut = we.end() + close.start()
            seen = text[:cut] + "." + " " * (b - cut - 1) + text[b:]
        read = cohorts(seen, a, b, count, orgs)
        if LIST_OF_GROUPS.search(text, a, b):  # «…, в том числе:» over a list of groups
            listed = listed_cohorts(text, list_items_after(text, preamble, b), orgs)
            # («… из шести регионов России:» over six items: the count the items name)
            read = [g for g in read if not listed or g.count not in (
                len(listed), sum(c.count or 0 for c in listed))] + listed
        for group in read:
            if rows and count is not None and group.count == count.value:
                continue  # (the table's total)
            if any(_said_again(group, h) for h in groups[:said]):
                continue
            if (k := next((k for k, h in enumerate(groups) if _now_with_mode(group, h)),
                          None)) is not None:  # (in the same sentence too, after a semicolon)
                groups[k] = dataclasses.replace(groups[k], mode=group.mode)
                continue
            groups.append(group)
    for k, bl in enumerate(preamble[:-1]):  # «Участники форума:» over a list of groups
        caption = PRESENT_CAPTION.fullmatch(text, bl.body, bl.end)
        if caption and preamble[k + 1].list_item and not any(
                p.tag.POS == "VERB" for w, _, _ in words(text[bl.body : bl.end])
                for p in parses(w)[:1]):  # (not «Участники конференции обсудили:»)
            labels = {g.label.value for g in groups}
            groups += [g for g in listed_cohorts(text, list_items_after(text, preamble, bl.end),
                                                 orgs) if g.label.value not in labels]
    return _countries_listed(groups)


def _countries_listed(groups: list[Cohort]) -> list[Cohort]:
    """Without a count of countries whose countries are groups of their own («87 специалистов
    из 4 стран» and, in another sentence or a table, the four): readers list the countries."""
    named = sum(1 for g in groups if country(g.label.value))
    return [g for g in groups if not (g.count is not None and named >= g.count and lemma(
        g.label.value.split()[0]) in ("страна", "государство") and " " not in g.label.value)]


def _said_again(group: Cohort, before: Cohort) -> bool:
    """Whether a sentence names again a group one before it named (not «Ещё 4 региона России
    подключились онлайн» after «… из 11 регионов России»: another count, another mode)."""
    return group.label.value == before.label.value and group.count in (None, before.count) and (
        group.mode in (None, before.mode))


def _now_with_mode(group: Cohort, before: Cohort) -> bool:
    """Whether a sentence says how a group named before without a mode took part («коллеги из
    Таджикистана участвовали в обсуждении онлайн»)."""
    return (group.label.value == before.label.value and group.count == before.count
            and before.mode is None and group.mode is not None)

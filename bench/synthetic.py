"""Synthetic resolutions for benchmarks: records built directly (no parsing), mapped and stored.

``build_store(folder, min_triples)`` fills an on-disk store with generated resolutions through the
real mapper and store code until it holds at least ``min_triples`` triples. Deterministic (seeded).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from resolutions_kg.iris import Minter
from resolutions_kg.mapping import map_resolution
from resolutions_kg.publish import ensure_system_graphs
from resolutions_kg.records import (
    Addressee,
    Cohort,
    Event,
    OrganisationMention,
    Recommendation,
    Resolution,
    SourceText,
    Span,
    Spanned,
)
from resolutions_kg.settings import DEFAULT_BASE_IRI
from resolutions_kg.store import count_quads, open_store, replace_graphs

PLACES = ["Тверь", "Липецк", "Вологда", "Клин", "Выборг", "Архангельск", "Псков", "Ярославль"]
KINDS = ["конференция", "круглый стол", "семинар", "форум", "чтения"]
ADDRESSEES = ["органы местного самоуправления", "библиотеки муниципальных образований",
              "Российская библиотечная ассоциация", "муниципальные библиотеки области"]
VERBS = ["Сохранить", "Развивать", "Обеспечить", "Предусмотреть", "Учитывать", "Активизировать"]
NOUNS = ["библиотечные фонды", "оцифровку краеведческих изданий", "чтение среди молодёжи",
         "сеть сельских библиотек", "электронные услуги", "повышение квалификации кадров",
         "социальное партнерство", "доступ к информации"]
TOPICS = ["digitisation", "reading-promotion", "library-finance", "library-personnel",
          "rural-libraries", "electronic-services", "social-partnership", "youth"]


class _Text:
    """Builds the source text and hands out spans of what it appends."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, text: str, end: str = "\n") -> Span:
        start = self.length
        self.parts.append(text + end)
        self.length += len(text) + len(end)
        return Span(start, start + len(text))

    def value(self) -> str:
        return "".join(self.parts)


def synthetic_resolution(n: int, rng: random.Random, recommendations: int = 30) -> Resolution:
    t = _Text()
    place = PLACES[n % len(PLACES)]
    kind = KINDS[n % len(KINDS)]
    year = 2005 + n % 20
    start = dt.date(year, 1 + n % 12, 1 + n % 27)
    title = f"Библиотека и общество: выпуск {n}"
    doc_span = t.add("Резолюция", " ")
    kind_span = t.add(kind, " ")
    title_span = t.add(f"«{title}»")
    place_span = t.add(place, ", ")
    date_span = t.add(f"{start.day}.{start.month}.{year}")
    org_span = t.add(f"Администрация города {place}")
    count = rng.randint(20, 300)
    count_span = t.add(str(count))
    cohort_span = t.add(f"специалисты {rng.randint(3, 40)} библиотек")
    recs = []
    for pos in range(1, recommendations + 1):
        addressee = ADDRESSEES[(pos - 1) * len(ADDRESSEES) // recommendations]
        verb = rng.choice(VERBS)
        text = f"{verb} {rng.choice(NOUNS)} и {rng.choice(NOUNS)}."
        span = t.add(text)
        recs.append(Recommendation(
            position=pos,
            text=Spanned(text, span),
            addressee=Addressee(addressee, span),
            action=Spanned(verb.lower(), Span(span.start, span.start + len(verb))),
            topics=tuple(rng.sample(TOPICS, 2)),
        ))
    source = SourceText(f"synthetic-{n:05d}.txt", "text/plain", t.value(), f"{n:064x}")
    return Resolution(
        source=source,
        document_type=Spanned("резолюция", doc_span),
        heading=Spanned(f"Резолюция {kind} «{title}»", title_span),
        event=Event(
            kind=Spanned(kind, kind_span),
            title=Spanned(title, title_span),
            place=Spanned(place, place_span),
            start=Spanned(start, date_span),
            end=Spanned(start + dt.timedelta(days=n % 3), date_span),
            organisers=(OrganisationMention(Spanned(f"администрация города {place}", org_span),
                                            kind="government-body"),),
            participants=Spanned(count, count_span),
            cohorts=(Cohort(Spanned("специалисты библиотек", cohort_span), count=count,
                            unit="person"),),
        ),
        adopted=Spanned(start, date_span),
        recommendations=tuple(recs),
    )


def build_store(folder: Path, min_triples: int, *, base_iri: str = DEFAULT_BASE_IRI) -> int:
    """Fill ``folder`` with synthetic resolutions up to ``min_triples``; returns the count."""
    store = open_store(folder)
    existing = count_quads(store)
    if existing >= min_triples:
        return existing
    rng = random.Random(20261125)
    minter = Minter(base_iri)
    ensure_system_graphs(store, base_iri)
    total, n = count_quads(store), 0
    batch: dict[str, list] = {}
    entities: list = []
    while total < min_triples:
        mapped = map_resolution(synthetic_resolution(n, rng), minter)
        batch[minter.graph(mapped.slug)] = mapped.document
        entities.extend(mapped.entities)
        total += len(mapped.document)
        n += 1
        if len(batch) == 50:
            replace_graphs(store, batch, add={minter.graph("entities"): entities})
            batch, entities = {}, []
    if batch:
        replace_graphs(store, batch, add={minter.graph("entities"): entities})
    store.flush()
    return count_quads(store)

"""Generate a corpus of synthetic resolutions as files, in the forms real ones take.

    python bench/generate_corpus.py OUT_DIR [-n 1000] [--seed 20261125]

Each document is assembled from phrase tables (places with their case forms, event kinds,
qualifiers, titles, organisers, addressees, recommendations), deterministically from the seed
and its number, and written in one of the formats ``reskg load`` reads — ``.txt`` (UTF-8, UTF-8
with BOM, cp1251, KOI8-R), ``.md``, ``.html`` (UTF-8 or windows-1251) and ``.docx`` — with one of
the genre's forms of the operative part: italic or bold addressee headings, numbered addressee
headings with sub-items, «Рекомендовать …:» with lettered items, a numbered list, dash bullets,
HTML lists. Lengths vary from a few recommendations to several dozen.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_phrases import (  # noqa: E402 - after the path set-up
    ADDRESSEES,
    FORMS,
    KINDS,
    MONTHS,
    PLACES,
    STATEMENTS,
    TITLE_HEADS,
    TITLE_TAILS,
    TOPICS,
    Kind,
    Place,
    recommendation,
)

from resolutions_kg.iris import MAX_TITLE_SLUG, slugify  # noqa: E402

#: (suffix, encoding) of the files written, in turn.
FORMATS = (
    (".txt", "utf-8"), (".md", "utf-8"), (".html", "utf-8"), (".docx", None),
    (".txt", "cp1251"), (".txt", "utf-8-sig"), (".html", "windows-1251"), (".txt", "koi8-r"),
    (".md", "utf-8-sig"), (".txt", "utf-8"),
)


@dataclass
class Group:
    """Recommendations under one addressee (dative form), or none named."""

    addressee: str | None
    items: list[str]


@dataclass
class Document:
    """A resolution in the abstract, before it is rendered in a format."""

    heading: list[str]
    paragraphs: list[str]
    intro: str
    form: str
    groups: list[Group]
    closing: list[str] = field(default_factory=list)


def _date_line(rng: random.Random, place: Place, year: int, month: int, day: int,
               days: int) -> str:
    end = day + days
    gen = MONTHS[month - 1]
    span = f"{day}–{end}" if days else str(day)
    return rng.choice([
        f"{place.nom}, {span} {gen} {year} г.",
        f"г. {place.nom}, {span} {gen} {year} года",
        f"{day:02d}.{month:02d}.{year}, г. {place.nom}",
        f"{span} {gen} {year} года, г. {place.nom}",
    ])


def _title(rng: random.Random, used: set[tuple[str, int, str]], place: Place, year: int) -> str:
    while True:
        title = f"{rng.choice(TITLE_HEADS)}: {rng.choice(TITLE_TAILS)}"
        key = (place.nom, year, slugify(title, max_length=MAX_TITLE_SLUG))
        if key not in used:
            used.add(key)
            return title


def build(n: int, seed: int, used: set[tuple[str, int, str]], suffix: str) -> Document:
    """The ``n``-th document of the corpus of ``seed``."""
    rng = random.Random(f"{seed}-{n}")
    place = rng.choice(PLACES)
    kind: Kind = rng.choice(KINDS)
    year = rng.randint(2005, 2024)
    month, day, days = rng.randint(1, 12), rng.randint(1, 25), rng.choice([0, 0, 1, 1, 2])
    title = _title(rng, used, place, year)
    qualifier = rng.choice(kind.qualifiers)
    doc_type = rng.choice(["Резолюция", "Резолюция", "Рекомендации", "Итоговый документ"])
    event = f"{qualifier} {kind.gen}".strip() + f" «{title}»"
    heading = ([doc_type.upper(), event] if rng.random() < 0.5 else [f"{doc_type} {event}"])
    organiser = rng.choice(place.organisers)
    participants = rng.randint(15, 400)
    paragraphs = [
        _date_line(rng, place, year, month, day, days),
        f"{kind.nom.capitalize()} {kind.organised} {organiser}"
        + rng.choice(["", " при поддержке Российской библиотечной ассоциации"]) + ".",
        f"В работе {kind.gen} приняли участие {participants} человек: специалисты "
        f"{rng.randint(3, 60)} библиотек {place.region_gen}, представители органов "
        "управления культурой и общественных организаций.",
    ]
    if rng.random() < 0.4:
        paragraphs.append(f"Участники {kind.gen} обсудили такие вопросы, как: "
                          + "; ".join(rng.sample(TOPICS, k=3)) + ".")
    for _ in range(rng.choice([0, 1, 1, 2])):
        paragraphs.append(f"Участники {kind.gen} отмечают, что {rng.choice(STATEMENTS)}.")
    form = rng.choice(FORMS[suffix])
    size = rng.choices([1, 2, 4], weights=[6, 3, 1])[0]
    groups = []
    addressees = rng.sample(ADDRESSEES, k=min(len(ADDRESSEES), 4))
    for g in range(rng.randint(1, 3) if form != "bullets" else 1):
        count = rng.randint(1, 4) * size
        items = [recommendation(rng, year) for _ in range(count)]
        named = form != "bullets" and (form != "numbered" or g > 0 or rng.random() < 0.5)
        groups.append(Group(addressees[g].format(region=place.region_gen) if named else None,
                            items))
    intro = rng.choice([
        f"{kind.nom.capitalize()} {kind.recommends}:",
        f"Участники {kind.gen} рекомендуют:",
        f"Участники {kind.gen} считают необходимым:",
        f"Обсудив доклады и выступления, участники {kind.gen} считают необходимым:",
    ])
    closing = []
    if rng.random() < 0.3:
        closing.append(
            f"Участники выражают надежду, что такие встречи станут доброй традицией, и "
            f"предлагают {rng.choice(place.organisers_dat)} провести очередную "
            f"{kind.acc} в {year + 2} году.")
    if rng.random() < 0.7:
        closing.append(rng.choice([
            f"Резолюция принята единогласно {day + days} {MONTHS[month - 1]} {year} года.",
            f"Принята {day + days} {MONTHS[month - 1]} {year} г.",
            "Принято единогласно.",
        ]))
    return Document(heading, paragraphs, intro, form, groups, closing)


# --- rendering ----------------------------------------------------------------------------------

_PROPER = ("Министерству", "Российской")
_KOI8_MISSING = str.maketrans({"«": '"', "»": '"', "–": "-", "—": "-"})


def _lower(text: str) -> str:
    return text if text.startswith(_PROPER) else text[:1].lower() + text[1:]


def _inline(addressee: str, item: str) -> str:
    """A recommendation that opens with its addressee: «Библиотекам области создавать …»."""
    return f"{addressee} {_lower(item)}"


def _operative(doc: Document, md: bool) -> list[str]:
    """The operative part as paragraphs of plain text (or Markdown)."""
    out = [] if doc.form == "inline-lettered" else [doc.intro]
    form, n = doc.form, 0
    for g, group in enumerate(doc.groups, start=1):
        head, items = group.addressee, group.items
        if form in ("plain-headings", "italic-headings") and head:
            out.append(f"*{head}:*" if form == "italic-headings" else f"{head}:")
            out.extend(f"{item}." for item in items)
        elif form in ("numbered-headings", "bold-numbered-headings") and head:
            line = f"{g}. {head}:"
            out.append(f"**{line}**" if form == "bold-numbered-headings" else line)
            out.extend(f"{g}.{k}. {item}." for k, item in enumerate(items, start=1))
        elif form == "inline-lettered" and head:
            letters = "абвгдежзиклмнопрстуфхцчшщэюя"
            lines = [f"{letters[k % len(letters)]}) {_lower(item)};" for k, item in
                     enumerate(items)]
            lines[-1] = lines[-1][:-1] + "."
            out.append("\n".join([f"Рекомендовать {_lower(head)}:", *lines]))
        elif form == "bullets":
            lines = [f"— {_lower(item)};" for item in items]
            lines[-1] = lines[-1][:-1] + "."
            out.append("\n".join(lines))
        else:  # numbered, and groups without an addressee
            for k, item in enumerate(items):
                n += 1
                text = _inline(head, item) if head and k == 0 else item
                out.append(f"{n}. {text}.")
    return out


def plain_text(doc: Document, *, md: bool) -> str:
    heading = [f"**{line}**" for line in doc.heading] if md else doc.heading
    blocks = ["\n".join(heading), *doc.paragraphs, *_operative(doc, md), *doc.closing]
    return "\n\n".join(blocks) + "\n"


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html(doc: Document, charset: str) -> str:
    body = [f"<h1>{'<br>'.join(_esc(line) for line in doc.heading)}</h1>"]
    body += [f"<p>{_esc(p)}</p>" for p in doc.paragraphs]
    if doc.form in ("html-lists", "html-bold-headings"):
        body.append(f"<p>{_esc(doc.intro)}</p>")
        for group in doc.groups:
            if group.addressee:
                head = _esc(group.addressee) + ":"
                body.append(f"<h3>{head}</h3>" if doc.form == "html-lists"
                            else f"<p><b>{head}</b></p>")
            tag = "ol" if doc.form == "html-lists" else "ul"
            items = "".join(f"<li>{_esc(item)}.</li>" for item in group.items)
            body.append(f"<{tag}>{items}</{tag}>")
    else:
        body += [f"<p>{_esc(p)}</p>".replace("\n", "<br>\n")
                 for p in _operative(doc, md=False)]
    body += [f"<p>{_esc(p)}</p>" for p in doc.closing]
    return (f'<!DOCTYPE html>\n<html lang="ru">\n<head><meta charset="{charset}">'
            f"<title>{_esc(doc.heading[0])}</title></head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


def docx_bytes(doc: Document) -> bytes:
    import io

    import docx

    document = docx.Document()
    for line in doc.heading:
        document.add_paragraph().add_run(line).bold = True
    for p in [*doc.paragraphs, doc.intro]:
        document.add_paragraph(p)
    if doc.form == "numbered-headings":
        for p in _operative(doc, md=False)[1:]:
            document.add_paragraph(p)
    else:
        for group in doc.groups:
            head = group.addressee
            if head and doc.form == "docx-bold-headings":
                document.add_paragraph().add_run(head + ":").bold = True
            for k, item in enumerate(group.items):
                text = _inline(head, item) if head and k == 0 and doc.form != \
                    "docx-bold-headings" else item
                document.add_paragraph(text + ".", style="List Number")
    for p in doc.closing:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write(doc: Document, path: Path, encoding: str | None) -> None:
    if path.suffix == ".docx":
        path.write_bytes(docx_bytes(doc))
        return
    assert encoding is not None
    if path.suffix == ".html":
        text = html(doc, "windows-1251" if encoding == "windows-1251" else "utf-8")
    else:
        text = plain_text(doc, md=path.suffix == ".md")
    if encoding == "koi8-r":
        text = text.translate(_KOI8_MISSING)
    path.write_bytes(text.encode(encoding))


def generate_documents(out: Path, count: int, *, seed: int = 20261125
                       ) -> list[tuple[Path, Document]]:
    """Write ``count`` documents into ``out``; returns each path with what was written there."""
    out.mkdir(parents=True, exist_ok=True)
    used: set[tuple[str, int, str]] = set()
    written = []
    for n in range(count):
        suffix, encoding = FORMATS[n % len(FORMATS)]
        document = build(n, seed, used, suffix)
        path = out / f"synthetic-{n:05d}{suffix}"
        write(document, path, encoding)
        written.append((path, document))
    return written


def generate(out: Path, count: int, *, seed: int = 20261125) -> list[Path]:
    """Write ``count`` documents into ``out``; returns their paths."""
    return [path for path, _ in generate_documents(out, count, seed=seed)]


def expected_recommendations(written: list[tuple[Path, Document]]) -> dict[str, int]:
    """File name → number of recommendations generated in it."""
    return {path.name: sum(len(g.items) for g in doc.groups) for path, doc in written}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", "--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=20261125)
    args = parser.parse_args()
    paths = generate(args.out, args.count, seed=args.seed)
    print(f"{len(paths)} documents in {args.out}")


if __name__ == "__main__":
    main()

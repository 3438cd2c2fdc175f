"""The event's date and place, found rather than assumed.

Every date and every settlement in the lines before the operative part, in the adoption line and
in the signature block is a candidate; each is scored by where it stands and what stands beside
it, and the best date and the best place win:

- a *dateline* — a short line that holds little besides a date and perhaps a place, in any order,
  with commas, spaces, tabs or parentheses between («Тверь, 25 – 26 октября 2012 г.»,
  «14 декабря 2016 г., Череповец», «г. Ханты-Мансийск\t\t12 ноября 2015 г.», «(г. Дамаск 26 июля
  2021 г.)») — beats everything, the nearer the heading the better;
- a sentence that says the event took place («состоялся 12 апреля 2018 г. в Великих Луках»);
- the adoption line («Принята 26 октября 2012 г. г. Тверь») when nothing else gives one: the event
  date is then the adoption date, with lower confidence;
- places in organisation names («Администрацией города Твери»), in lists of participants and in
  page furniture (removed before) are not candidates.

Each choice comes with a confidence (0–1) and the way it was found, for the records.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from resolutions_kg.records import Span

from .blocks import Block, sentence_of, sentences
from .dates import REGISTRATION_NUMBER, DateMatch, find_dates, find_yearless
from .furniture import FIELD
from .rendition import Line
from .settlements import IN_SETTLEMENT, Found, find_settlements

#: Words of a sentence that says the event took place (and where).
HELD = re.compile(
    r"состоял(?:ся|ась|ось|ись)|прош[её]л|прошл[аио]|проходил[аио]?|проведен|проведён|"
    # («конференции …, проходившей 8–9 июня 2015 года в г. Бийске»: a participle)
    r"проходивш[а-яё]+|состоявш[а-яё]+|прошедш[а-яё]+|"
    r"провед[её]н[аоы]?|организован|работал|собрал[аи]?|открыл(?:ся|ась)|"
    r"(?:^|\s)(?:дата|место)\s+проведения",
    re.I)
#: Words that put a place name in a list of participants, not at the venue.
FROM = re.compile(r"(?:^|\s)(?:из|от|представител\w*|специалист\w*|участник\w*|делегаци\w*)\s",
                  re.I)
#: Where a settlement lies, printed after it: «Шолоховского района Ростовской области»,
#: «Республика Карелия», «Ханты-Мансийского автономного округа – Югры», «(Ставропольский
#: край)».
ADMINISTRATIVE = re.compile(
    r"(?:[А-ЯЁ][а-яё]*(?:-[А-ЯЁа-яё][а-яё]*)*(?:ого|его|ой|ей|ий|ый|ая)\s+"
    r"(?:муниципальн\w+\s+|автономн\w+\s+)?"
    r"(?:района|области|края|округа|район|область|край|округ)(?![а-яё])"
    r"(?:\s*[–—-]\s*[А-ЯЁ][а-яё]+)?"
    r"|(?:Республик[аи]|республик[аи])\s+[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁ][а-яё]+)?)")
_NOISE = re.compile(r"[\s,;.()\[\]«»\"'*_–—-]+")
DATELINE_LENGTH = 90
#: How many blocks from the heading on natasha's NER reads for a place nothing else found.
RECOGNISED_AFTER = 6
#: «в Центральной городской библиотеке » before a town's name in the genitive: its venue.
_IN_VENUE = re.compile(r"(?<![а-яё])(?:в|во)\s+(?:[А-ЯЁа-яё-]+\s+){0,4}(?:библиотеке|музее"
                       r"|архиве|доме|центре|университете|институте|колледже|школе|театре"
                       r"|музее-заповеднике|дворце)\s+$")
#: A venue and the town it is in, marked: «в большом зале Городского Дома культуры г. …».
_IN_VENUE_OF = re.compile(r"(?<![а-яё])(?:в|во)\s+(?:[А-ЯЁа-яё-]+\s+){0,4}(?:зале|библиотеке|музее"
                          r"|архиве|доме|центре|дома|центра|дворца|библиотеки|музея)(?:\s+[А-ЯЁа-яё"
                          r"-]+){0,4}\s+(?:г\.|города)\s*$")

@dataclass(frozen=True)
class Choice:
    """A chosen date or place with how sure the loader is and how it was found."""

    score: float
    confidence: float
    method: str


@dataclass(frozen=True)
class DateChoice(Choice):
    date: DateMatch


@dataclass(frozen=True)
class PlaceChoice(Choice):
    place: Found


def reads_length(text: str, a: int, b: int) -> int:
    """How long ``text[a:b]`` reads: runs of spaces that align a line's parts («16 марта 2010 г.
    г. Смоленск») count as one."""
    return len(" ".join(text[a:b].split()))


def _length(text: str, block: Block | Line) -> int:
    return reads_length(text, block.start, block.end)


def _leftover(text: str, block: Block | Line, spans: list[Span]) -> str:
    """What the block (or line) says besides the given spans, «г.»/«года», a number («№ 3») and
    where a settlement lies («Рыбновского района Рязанской области»), as letters."""
    content = list(text[block.start : block.end])

    def blank(a: int, b: int) -> None:
        content[a:b] = " " * (b - a)

    for m in ADMINISTRATIVE.finditer(text, block.start, block.end):
        blank(m.start() - block.start, m.end() - block.start)
    for span in spans:
        blank(max(0, span.start - block.start), min(len(content), span.end - block.start))
    rest = re.sub(REGISTRATION_NUMBER.pattern + r"|(?<![а-яё])(?:г|гг|года?|город|гор|пос|с|ст"
                  r"|пгт|рп|р\.п|г\.о|д|дер|ст-ца|станица|село|деревня|пос[её]лок"
                  # «городской округ Шуя», «Тазовский муниципальный округ»
                  r"|(?:городск|муниципальн)(?:ой|ый|ого)\s+(?:округ|район)а?"
                  r"|(?:сельское|городское)\s+поселение)\.?(?![а-яё])", " ", "".join(content),
                  flags=re.I)
    return _NOISE.sub("", rest)


def is_dateline(text: str, block: Block, date: DateMatch, places: list[Found]) -> bool:
    """The block is a date and perhaps a place and a country, and nothing else."""
    if _length(text, block) > DATELINE_LENGTH:
        return False
    spans = [date.span] + [Span(p.start, p.end) for p in places]
    rest = _leftover(text, block, spans)
    return len(rest) <= 2 or (len(rest) <= 25 and _country_like(rest))


def _country_like(rest: str) -> bool:
    """The letters left beside a dateline are a country («Минск, Республика Беларусь»)."""
    from .places import COUNTRIES

    return rest.lower() in {name.replace(" ", "") for name in COUNTRIES}


def choose_date(text: str, front: list[Block], heading_index: int,
                adoption: list[Block]) -> DateChoice | None:
    """The event's dates from the front blocks (``heading_index`` is the heading's position
    among them; not a decree's date), failing those the adoption line."""
    best: DateChoice | None = None
    held_dates: list[DateChoice] = []  # «С 3 по 5 октября 2018 г. … прошла …»
    for i, block in enumerate(front):
        dates = find_dates(text[block.start : block.end], block.start)
        if not dates:
            continue
        places = find_settlements(text, block.start, block.end)
        # above the heading stand a page's dates (of publishing), below it the event's
        distance = abs(i - heading_index) + (40 if i < heading_index else 0)
        labelled = FIELD.match(text, block.start, block.end)
        for rank, date in enumerate(dates):
            if labelled and labelled.group("what").lower().startswith(("дат", "срок", "врем")):
                choice = DateChoice(120, 0.95, "labelled «Дата проведения»", date)
            elif is_dateline(text, block, date, places) or _dated_venue(text, block, date,
                                                                       places):
                choice = DateChoice(100 - distance, 0.95 if distance <= 3 else 0.8, "dateline",
                                    date)
            elif re.match(r"\s*(?:№|N\s*\d)", text[date.span.end :]) and text.endswith("от ", 0,
                                                                        date.span.start):
                continue  # «… с постановлением … от 21.11.2016 № 2318»: a decree's date
            else:
                sentence = sentence_of(text, block, date.span)
                held = HELD.search(text, *sentence)
                score = (60 if held else 30) - distance - rank
                choice = DateChoice(score, 0.85 if held else 0.6,
                                    "sentence saying the event took place" if held
                                    else "first date before the operative part", date)
            if choice.method.startswith("sentence saying"):
                held_dates.append(choice)
            if best is None or choice.score > best.score:
                best = choice
    if best is not None and best.date.start == best.date.end:
        # a dateline's one day («Минск, 5 октября 2018 г.») in the period a sentence gives
        for wider in held_dates:
            if wider.date.start < wider.date.end and (
                    wider.date.start <= best.date.start <= wider.date.end):
                return dataclasses.replace(
                    wider, confidence=max(best.confidence, wider.confidence),
                    method="sentence saying the event took place, agreeing with the dateline")
        # «07.06.2018» alone by a page's heading, «5 июня 2018 года в Тотьме состоялся …»
        # below it: the page was published after the event, whose date the sentence gives
        line_start = text.rfind("\n", 0, best.date.span.start) + 1
        line_end = text.find("\n", best.date.span.end)
        if line_end < 0:
            line_end = len(text)
        if best.method == "dateline" and not find_settlements(text, line_start, line_end):
            for said in held_dates:
                if 0 < (best.date.start - said.date.end).days <= 90:
                    return dataclasses.replace(
                        said, method="sentence saying the event took place, before the "
                        "page's date")
    if best is not None:
        return best
    # «Принята 20 ноября … / (г. Южно-Сахалинск, 19–20 ноября 2025 г.)»: a date beside a place
    # in the adoption or signature lines, else the first line's period, else its first date
    found = [(block, find_dates(text[block.start : block.end], block.start))
             for block in adoption]
    found = [(block, dates) for block, dates in found if dates]
    if (best := _yearless(text, front, found[0][1][0].end if found else None)) is not None:
        return best  # («С 7 по 9 июля в Плёсе прошёл …», the year the adoption's, or the page's)
    for block, dates in found:
        places = find_settlements(text, block.start, block.end)
        for date in dates:
            if any(_adjacent(text, place, date.span) for place in places):
                return DateChoice(10, 0.6, "adoption line (no other date of the event)", date)
    if found:
        date = min(found[0][1], key=lambda d: d.start - d.end)
        return DateChoice(10, 0.6, "adoption line (no other date of the event)", date)
    return None


def _yearless(text: str, front: list[Block], adopted: dt.date | None) -> DateChoice | None:
    """«14 ноября в библиотеке состоялся круглый стол» on a page dated «15.11.2019 10:42»: the
    day of a sentence that says the event took place, in the year that puts it on or before
    the adoption's date, else the page's first date (a news page's timestamp)."""
    page = find_dates(text[: front[-1].end] if front else "")
    if not page and adopted is None:
        return None
    published = adopted if adopted is not None else page[0].end
    for block in front:  # (a news lead above the document's heading too)
        for a, b in sentences(text, block.start, block.end):
            if not HELD.search(text, a, b):
                continue
            for date in find_yearless(text[a:b], published.year, a):
                if date.end > published:
                    date = find_yearless(text[date.span.start : date.span.end],
                                         published.year - 1, date.span.start)[0]
                return DateChoice(50, 0.6, "sentence saying the event took place, the year "
                                  "from the page's date", date)
    return None


#: After the place on a venue line: its region, if said, then a comma and the venue («г. Галич
#: Костромской области, Галичский краеведческий музей»).
_REGION_THEN_VENUE = re.compile(r"(?:\s+[А-ЯЁ][а-яё-]+(?:ой|ого)\s+(?:области|края|округа|района)"
                                r"|\s+Республики\s+[А-ЯЁ][а-яё]+)?\s*[,•·]\s*[А-ЯЁ]")


def _venue_line(text: str, block: Block | Line, place: Found, dated: Span | None = None) -> bool:
    """«Москва, Российская государственная библиотека»: the line opens with the place, and a
    name follows after a comma — or a table's cell does, under «Место проведения» or beside
    the date («| 16.02.2023 | г. Минусинск, Минусинский драматический театр |»). With ``dated``,
    the line ends with that date after the venue («г. Минск • Национальная библиотека … •
    17–19.10.2018»)."""
    a, b = block.start, block.end
    if text[a:b].lstrip().startswith("|"):
        a = text.rfind("|", a, place.start) + 1
        b = text.find("|", place.end, b) if "|" in text[place.end : b] else b
    before = text[a : place.start].strip(" \t*_(")
    if dated is not None and place.marked and dated.end < place.start and not text[
            a : dated.start].strip(" \t*_(") and not text[place.end : b].strip(" \t*_.)"):
        return bool(re.match(r"\s*,\s*[А-ЯЁ]", text[dated.end : place.start]))  # «15 апреля
        # 2015 г., Центральная городская библиотека, г. Серов»: the date, the venue, the town
    if dated is not None:
        if text[dated.end : b].strip(" \t*_.)г") or not re.search(
                r"[,•·|–—]\s*$", text[a : dated.start]):
            return False
        b = dated.start
    return (not re.sub(r"^(?:г\.|город|пос\.|с\.|станица|село)", "", before).strip()
            and _REGION_THEN_VENUE.match(text[place.end : b]) is not None
            and (dated is not None or not find_dates(text[a:b])))


def _dated_venue(text: str, block: Block, date: DateMatch, places: list[Found]) -> bool:
    """«15 сентября 2022 г., г. Полоцк, Музей белорусского книгопечатания»: a line that opens
    with the date, then the place beside it, then the venue after a comma — a dateline."""
    return _length(text, block) <= 2 * DATELINE_LENGTH and not text[
        block.start : date.span.start].strip(" \t*_(") and any(
        p.start > date.span.end and _adjacent(text, p, date.span)
        and _REGION_THEN_VENUE.match(text, p.end, block.end) for p in places)


def _cell_of_its_own(text: str, line: Line | Block, place: Found) -> bool:
    """«| от 29 марта 2018 г. | г. Пенза | № 2 |»: the place alone in a table's cell."""
    if not text[line.start : line.end].lstrip().startswith("|"):
        return False
    a = text.rfind("|", line.start, place.start) + 1
    b = text.find("|", place.end, line.end)
    cell = text[a : b if b >= 0 else line.end]
    return not re.sub(r"[\s*_]|г\.|город", "", cell.replace(
        text[place.start : place.end], "", 1))


def _adjacent(text: str, place: Found, span: Span) -> bool:
    """Only separators (and «г.») stand between the place and the date."""
    between = text[place.end : span.start] if place.end <= span.start else text[span.end :
                                                                               place.start]
    between = " ".join(ADMINISTRATIVE.sub("", between).split())  # (spaces that align columns)
    return len(between) <= 12 and not re.sub(r"[\s,;()–—|•·«\"-]|г\.|года?", "", between)


def choose_place(text: str, front: list[Block], heading_index: int, adoption: list[Block],
                 date: DateChoice | None, date_block: Block | None) -> PlaceChoice | None:
    """The event's place: beside its date, on a line of its own near the heading, in the
    sentence that says the event took place, or in the adoption or signature line."""
    best: PlaceChoice | None = None

    def offer(choice: PlaceChoice) -> None:
        nonlocal best  # (on a tie, «г. Павлодар» after «Республика Казахстан»: the marked one)
        if best is None or choice.score > best.score or (
                choice.score == best.score and choice.place.marked and not best.place.marked):
            best = choice

    def consider(i: int, block: Block, found: list[Found], recognised: bool) -> None:
        distance = abs(i - heading_index)
        short = _length(text, block) <= DATELINE_LENGTH
        labelled = FIELD.match(text, block.start, block.end)
        for place in found:
            if not (place.known or place.marked or recognised):
                continue
            line = next((ln for ln in block.lines if ln.start <= place.start < ln.end), block)
            field = labelled or FIELD.match(text, line.start, line.end)  # (a table's row)
            if field and field.group("what").lower().startswith(("мест", "город")):
                offer(PlaceChoice(120, 0.95, "labelled «Место проведения»", place))
                continue
            if block is date_block and date is not None and (
                    date.method == "dateline" or _adjacent(text, place, date.date.span)):
                offer(PlaceChoice(100, 0.95, "beside the event's date", place))
                continue
            dated = find_dates(text[line.start : line.end], line.start)
            if _length(text, line) <= DATELINE_LENGTH and len(dated) == 1 and (
                    _adjacent(text, place, dated[0].span) and not _leftover(
                        text, line, [dated[0].span, Span(place.start, place.end)])
                    or _venue_line(text, line, place, dated[0].span)
                    or _cell_of_its_own(text, line, place)):
                # «г. Минусинск      12 апреля 2018 г.» over «Даты проведения: …»; «Петрозаводск,
                # Национальный архив Республики Карелия, 09–10.09.2015»
                offer(PlaceChoice(95 - distance, 0.9, "a line of its own with a date", place))
                continue
            # «г. Калуга» under «от 27.02.2020 № 2», «Калининград — 2021»: the place alone on
            # its line (a year beside it at most)
            rest = _leftover(text, line, [Span(place.start, place.end)])
            if _length(text, line) <= DATELINE_LENGTH and (
                    len(rest) <= 2 or re.fullmatch(r"(?:19|20)\d\d", rest)
                    # «Кыргызская Республика, Иссык-Кульская область, г. Чолпон-Ата»
                    or _country_like(rest)
                    # «| Өскемен қаласы | г. Усть-Каменогорск |»: a cell of its own
                    or place.marked and _cell_of_its_own(text, line, place)):
                offer(PlaceChoice(90 - distance, 0.9, "a line of its own near the heading",
                                  place))
                continue
            if (short or line.start == block.start) and _length(text, line) <= (
                    2 * DATELINE_LENGTH if place.marked else DATELINE_LENGTH) and _venue_line(
                    text, line, place):
                # («г. Кудымкар, Коми-Пермяцкая окружная библиотека» over the date's line too;
                # a marked town may open a long one: «г. Красноярск, Государственная …, зал»)
                offer(PlaceChoice(85 - distance, 0.85, "a line of its own, with the venue",
                                  place))
                continue
            sentence = sentence_of(text, block, Span(place.start, place.end))
            before = text[max(sentence[0], place.start - 24) : place.start]
            if FROM.search(text[sentence[0] : place.start][-40:]) and not HELD.search(
                    text, *sentence):
                continue
            located = IN_SETTLEMENT.search(before) or (
                # «… на базе музея (г. Екатеринбург, ул. Малышева, 46)»: the venue's address
                place.marked and re.search(r"\(\s*(?:г\.|город)\s*$", before)) or (
                # «в Центральной городской библиотеке Тобольска прошла …»: the venue's town
                place.known and _IN_VENUE.search(text, max(sentence[0], place.start - 80),
                                                 place.start)) or (
                # «в большом зале Городского Дома культуры г. Канска состоялись …»
                place.marked and _IN_VENUE_OF.search(text, max(sentence[0], place.start - 90),
                                                     place.start))
            if HELD.search(text, *sentence) and located:
                near_date = date is not None and sentence[0] <= date.date.span.start < sentence[1]
                offer(PlaceChoice(70 + (10 if near_date else 0) - distance, 0.8,
                                  "sentence saying the event took place", place))
            elif located and place.known:
                offer(PlaceChoice(35 - distance, 0.5, "«в …» before the operative part", place))
    for i, block in enumerate(front):
        found = find_settlements(text, block.start, block.end)
        if found:
            consider(i, block, found, False)
    if best is not None:
        return best
    for block in adoption:
        for place in find_settlements(text, block.start, block.end):
            initials = re.search(r"[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.\s?)?$", text[block.start : place.start])
            if place.marked or (place.known and not initials and re.search(
                    r"(?:^|\s)(?:в|во)\s+$", text[block.start : place.start])):
                return PlaceChoice(20, 0.7, "adoption or signature line", place)
    return _recognised(text, front, heading_index, date_block, consider, lambda: best)


def _recognised(text: str, front: list[Block], heading_index: int, date_block: Block | None,
                consider: Callable[[int, Block, list[Found], bool], None],
                chosen: Callable[[], PlaceChoice | None]) -> PlaceChoice | None:
    """The place natasha's NER finds in the header's datelines and sentences that say the event
    took place, when no listed or «г.»-marked settlement is there (its model is loaded only
    then)."""
    from .recognition import locations

    for i, block in enumerate(front[: heading_index + RECOGNISED_AFTER]):
        near = i >= heading_index and _length(text, block) <= DATELINE_LENGTH
        if block is date_block or near or (i >= heading_index and HELD.search(
                text, block.start, block.end)):
            consider(i, block, locations(text, block.start, block.end), True)
    best = chosen()
    if best is None:
        return None
    return PlaceChoice(best.score, min(best.confidence, 0.7),
                       "natasha NER (LOC): " + best.method, best.place)

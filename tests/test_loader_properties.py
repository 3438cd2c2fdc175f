"""Property tests: any text, and any mutation of a corpus document, either parses to a
resolution whose spans are all valid or raises an InputError — never anything else."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_loader_corpus import assert_spans_valid

from resolutions_kg.errors import InputError
from resolutions_kg.loaders import parse_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DOCUMENTS = {
    path.name: (path.read_text(encoding="utf-8"), media_type)
    for path, media_type in (
        (CORPUS / "tver-2012.txt", "text/plain"),
        (CORPUS / "lipetsk-2016.txt", "text/plain"),
        (CORPUS / "novgorod-2014.md", "text/markdown"),
        (CORPUS / "vologda-2013.html", "text/html"),
    )
}
PROFILE = settings(max_examples=120, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow])
#: Characters the genre is made of, so random text reaches deep into the parser.
ALPHABET = st.sampled_from(
    list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ")
    + list("0123456789 .,:;«»\"„“–—-()*_#\n\n\n")
)
GENRE_WORDS = st.sampled_from([
    "Резолюция", "конференции", "«Библиотека»", "Тверь,", "25 – 26 октября 2012 г.",
    "Принята", "единогласно.", "рекомендует:", "Органам местного самоуправления:",
    "1.", "1.1.", "а)", "Сохранить", "библиотеки.", "приняли участие", "более ста",
    "человек.", "организована", "Администрацией", "города Твери", "при поддержке",
    "Участники", "предлагают", "провести", "в 2014 г.", "\n", "\n\n", "**", "*", "Проект",
    "Рекомендовать", "муниципальным библиотекам", "27.09.2016,", "г. Липецк",
])


def check(text: str, media_type: str = "text/plain") -> None:
    try:
        res = parse_text(text, name="mutant.txt", media_type=media_type)
    except InputError:
        return
    assert_spans_valid(res)


@PROFILE
@given(st.text(alphabet=ALPHABET, max_size=400))
def test_random_text(text: str) -> None:
    check(text)


@PROFILE
@given(st.lists(GENRE_WORDS, max_size=60).map(" ".join))
def test_random_genre_words(text: str) -> None:
    check(text)


@PROFILE
@given(st.text(max_size=200))
def test_random_unicode(text: str) -> None:
    check(text)


@st.composite
def mutants(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(DOCUMENTS)))
    text, media_type = DOCUMENTS[name]
    lines = text.split("\n")
    for _ in range(draw(st.integers(0, 4))):
        if not lines:
            break
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "truncate", "shuffle"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        else:
            chars = list(lines[i])
            shuffled = draw(st.permutations(chars)) if len(chars) < 80 else chars[::-1]
            lines[i] = "".join(shuffled)
    mutated = "\n".join(lines)
    cut = draw(st.integers(0, len(mutated)))
    if draw(st.booleans()):
        mutated = mutated[:cut]
    return mutated, media_type


@PROFILE
@given(mutants())
def test_mutated_corpus_documents(case: tuple[str, str]) -> None:
    check(*case)

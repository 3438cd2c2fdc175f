"""The noun-phrase grammar, in yargy (the parser natasha's own extractors are built on).

    head(text, case, coordinated=False)   the phrase opening ``text``: its words with their forms

A phrase is a head noun with the adjectives and participles before it — listed with commas or
joined by «и», one in brackets («Северный (Арктический) федеральный университет») — all agreeing
with the head in gender, number and case (yargy's ``gnc_relation``). ``coordinated`` lets a
second such phrase follow after «и» whose head agrees with the first one's in case and number
(``case_relation`` and ``number_relation``): «муниципальных районов и городских округов».

The words and their analyses are ours: the tokens are :func:`.russian.words` (hyphenated words
and words broken at a line's end stay one token) with pymorphy3's parses behind yargy's
``MorphAnalyzer`` interface, so yargy's predicates and relations read pymorphy3's grammemes and
the forms it leaves are pymorphy3 parses, which :mod:`.phrases` inflects. The grammar only ever
reads the text up to the first punctuation that cannot be inside a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from yargy import Parser, or_, rule
from yargy.morph import Form, Grams, MorphAnalyzer
from yargy.predicates import Predicate, eq
from yargy.relations import AndRelation, case_relation, gnc_relation, main, number_relation
from yargy.span import Span
from yargy.token import MorphToken, Token
from yargy.tokenizer import PUNCT, RUSSIAN, MorphTokenizer
from yargy.tree.constructors import Leaf, Tree

from .russian import BROKEN, CYRILLIC_WORD, WORD, morph, parses

#: Punctuation that may stand inside a phrase (between listed adjectives, around a bracketed one).
INNER = frozenset(",()")
NOUN = frozenset({"NOUN"})
ADJECTIVE = frozenset({"ADJF", "PRTF"})
#: «и» after a phrase, which may join a second one to it.
JOINED = re.compile(r"\s+и\s|\s*,\s*(?=[а-яё])")
#: The most phrases joined by commas and «и» read as one list («архивов, библиотек и музеев»).
_MOST_JOINED = 5
#: The most words a phrase is looked for in.
LONGEST = 24

#: A word of a phrase: (word, start, end, the pymorphy3 parse the grammar chose).
Word = tuple[str, int, int, Any]


class _Analyzer(MorphAnalyzer):  # type: ignore[misc]
    """yargy's analyser interface over our pymorphy3 analyser and its cache of parses."""

    def __init__(self) -> None:
        super().__init__(raw=morph())

    def __call__(self, word: str) -> list[Any]:
        return _forms(word)


@lru_cache(maxsize=65536)
def _forms(word: str) -> list[Any]:
    # adjectives' qualitative readings last: «окружным» → «окружной», not «окружный»
    ordered = sorted(parses(word), key=lambda p: "Qual" in p.tag)
    return [Form(p.normal_form, Grams(p.tag.grammemes), raw=p) for p in ordered]


class _Tokenizer(MorphTokenizer):  # type: ignore[misc]
    """Our words as yargy's tokens, up to the first mark a phrase cannot hold."""

    def __init__(self) -> None:
        super().__init__(morph=_Analyzer())

    def __call__(self, text: str) -> Iterator[Any]:
        end = None
        for w, a, b in _words(text):
            gap = text[end:a].strip() if end is not None else ""
            if gap:
                yield Token(gap, Span(a - 1, a), PUNCT)
            yield MorphToken(w, Span(a, b), RUSSIAN, self.morph(w))
            end = b


def _words(text: str) -> Iterator[tuple[str, int, int]]:
    """The words a phrase opening ``text`` may hold: up to the first mark that cannot be inside
    one (anything but a comma or a bracket) or a word not in Cyrillic."""
    end = None
    for count, m in enumerate(WORD.finditer(text)):
        a, b = m.span()
        gap = text[end:a].strip() if end is not None else ""
        if count >= LONGEST or (gap and gap not in INNER) or not CYRILLIC_WORD.search(m.group()):
            return
        yield BROKEN.sub("", m.group()), a, b
        end = b


def _extent(text: str, coordinated: bool) -> int:
    """Where the longest phrase (or two) opening ``text`` could end: after the first word that
    can only be a noun, so a head (the second such word when ``coordinated``), or before a word
    that is neither noun nor adjective."""
    end, heads = 0, 0
    for w, _, b in _words(text):
        kinds = {p.tag.POS for p in parses(w)}
        if w.lower() == "и" and end:
            end = b
            continue
        if not kinds & (NOUN | ADJECTIVE):
            break
        end = b
        if not kinds & ADJECTIVE:
            heads += 1
            if heads == (_MOST_JOINED if coordinated else 1):
                break
    return end


class _Forms(Predicate):  # type: ignore[misc]
    """A word with a form of one of the parts of speech ``pos`` (in ``case``, if given); the
    word's forms are narrowed to those."""

    __attributes__ = ["pos", "case"]

    def __init__(self, pos: frozenset[str], case: str | None) -> None:
        self.pos = pos
        self.case = case

    def _fits(self, form: Any) -> bool:
        return bool(form.raw.tag.POS in self.pos
                    and (self.case is None or form.raw.tag.case == self.case))

    def __call__(self, token: Any) -> bool:
        return hasattr(token, "forms") and any(self._fits(f) for f in token.forms)

    def constrain(self, token: Any) -> Any:
        return token.constrained([f for f in token.forms if self._fits(f)])


def _phrase(case: str | None) -> Any:
    """Adjectives (listed, joined by «и», one in brackets) and their head noun, all agreeing."""
    agree = gnc_relation()
    adjective = _Forms(ADJECTIVE, case).match(agree)
    noun = _Forms(NOUN, case).match(agree)
    item = or_(rule(adjective), rule(eq("("), adjective, eq(")")))
    adjectives = rule(item, rule(or_(eq(","), eq("и")).optional(), item).repeatable().optional())
    return or_(rule(adjectives, main(noun)), rule(noun))


@cache
def _parser(case: str | None, coordinated: bool) -> Any:
    if not coordinated:
        return Parser(_phrase(case), tokenizer=_Tokenizer())
    heads = AndRelation([case_relation(), number_relation()])
    joined = rule(_phrase(case).match(heads), rule(or_(eq(","), eq("и")),
                                                   _phrase(case).match(heads)).repeatable())
    return Parser(or_(joined, _phrase(case)), tokenizer=_Tokenizer())


def _best(parser: Any, text: str) -> Any:
    """The longest match at the start of ``text`` whose agreement holds."""
    from yargy.parser import prepare_match

    chart = parser.chart(text, all=False)
    trees = sorted(Tree(s.node, s.range) for s in chart.matches(parser.rule))
    for tree in trees:
        found = prepare_match(tree)
        if found is not None:
            return found
    return None


def head(text: str, case: str | None = None, coordinated: bool = False,
         ) -> tuple[tuple[Word, ...], ...]:
    """The noun phrases opening ``text`` (one, or two joined by «и» when ``coordinated``), each
    as its words with the forms left to them by the grammar, the head last."""
    end = _extent(text, False)
    first = _head(text[:end], case, False) if end else ()
    if not (coordinated and first and JOINED.match(text, first[0][-1][2])):
        return first  # the grammar of two phrases only where «и» follows the first
    return _head(text[:_extent(text, True)], case, True) or first


@lru_cache(maxsize=16384)
def _head(text: str, case: str | None, coordinated: bool) -> tuple[tuple[Word, ...], ...]:
    found = _best(_parser(case, coordinated), text)
    if found is None:
        return ()
    phrases: list[list[tuple[Any, _Forms]]] = [[]]
    for leaf in found.tree.walk(types=Leaf):
        if not isinstance(leaf.predicate, _Forms):
            continue  # a comma, a bracket, «и»
        if phrases[-1] and phrases[-1][-1][1].pos == NOUN:
            phrases.append([])  # the first phrase's head is behind: the second phrase
        phrases[-1].append((leaf.token, leaf.predicate))
    out: list[tuple[Word, ...]] = []
    agree = gnc_relation()
    for leaves in phrases:
        tokens = [token for token, _ in leaves]
        forms = [_ordered(t) for t in tokens]
        noun = forms[-1][0]
        if out:  # the second head: the first form agreeing with the first head's
            first = out[0][-1][3]
            noun = next((f for f in forms[-1] if f.raw.tag.case == first.tag.case
                         and f.raw.tag.number == first.tag.number), noun)
        chosen = [next((f for f in fs if agree(f, noun)), fs[0]) for fs in forms[:-1]]
        out.append(tuple((t.value, t.span.start, t.span.stop, f.raw)
                         for t, f in zip(tokens, [*chosen, noun], strict=True)))
    return tuple(out)


def _ordered(token: Any) -> list[Any]:
    """The forms the grammar left to a word, in pymorphy3's order (most likely first), which
    yargy's narrowing by relations does not keep."""
    left = {id(f) for f in token.forms}
    return [f for f in _forms(token.value) if id(f) in left]

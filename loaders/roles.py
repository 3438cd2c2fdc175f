"""A second opinion on the role the rules of :mod:`.items` gave each block.

The rules decide block by block whether a paragraph is an intro, an addressee heading, a
recommendation, a statement, a proposal … A multinomial logistic regression over a few cheap
features of the block and its neighbours (:func:`features`), trained on the rules' own roles in
the labelled documents they read without a miss (``scripts/train_roles.py``), gives its
probability for each role. Where a block made facts (a recommendation, an addressee heading, a
proposal) and the model gives the rules' role less than the threshold chosen by
cross-validation, the facts read from that block become uncertain (:func:`second_opinion`):
they are named in the load's warnings and listed by the named query ``uncertain-facts``. The
model never changes a fact, only how sure the loader says it is.

The weights ship as ``roles.json`` beside this module; inference is plain Python (a sum of the
weights of the block's features per role, then softmax).
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from resolutions_kg.errors import RoleModelError
from resolutions_kg.records import Addressee, Certainty, Spanned

from .addressing import ADDRESSING
from .blocks import Block, body_text
from .closing import ADOPTED, SIGNATURE
from .headings import RECOMMEND_INTRO, SPEAKER
from .items import STATEMENT_INTRO, Items
from .russian import is_infinitive, parses, words

MODEL_PATH = Path(__file__).with_name("roles.json")
#: Roles whose blocks make facts, checked by the model.
CHECKED = ("item", "heading", "proposal")
#: The certainty a fact of a doubted block keeps at most (below ``records.UNCERTAIN``).
DOUBTED = 0.7

_MARKERS = ("number", "letter", "bullet", "dotted", "roman", "none")
_ENDS = ("colon", "period", "semicolon", "other")
_LENGTHS = (40, 100, 250, 600)
_FIRST = ("infinitive", "imperative", "datv-noun", "nomn-noun", "verb", "other")
_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\d{1,2}\s*(?:январ|феврал|март|апрел|ма[яй]|"
                   r"июн|июл|август|сентябр|октябр|ноябр|декабр)", re.I)
#: The features of the block itself that its neighbours also show (``prev:`` and ``next:``).
_NEIGHBOUR = tuple(
    [f"marker={m}" for m in _MARKERS] + [f"end={e}" for e in _ENDS]
    + [f"len<{n}" for n in _LENGTHS] + ["len>=600", "emphasised", "heading", "first=infinitive",
                                         "recommend", "speaker"])
#: Every feature name the code can give, in the order of the model's weights.
FEATURES: tuple[str, ...] = tuple(
    [f"marker={m}" for m in _MARKERS] + ["depth=0", "depth=1", "depth=2+"]
    + ["indent=0", "indent=1-3", "indent=4+"] + [f"end={e}" for e in _ENDS]
    + ["emphasised", "bold", "italic", "heading", "heading=1", "heading=2", "heading=3+", "caps"]
    + [f"len<{n}" for n in _LENGTHS] + ["len>=600"] + [f"first={f}" for f in _FIRST]
    + ["lower-start", "recommend", "addressing", "statement", "speaker", "adopted", "date",
       "initials"] + [f"position={k}" for k in range(5)]
    + [f"{side}:{name}" for side in ("prev", "next") for name in _NEIGHBOUR]
    + ["prev:none", "next:none"])


def _marker(block: Block) -> str:
    label = block.label
    if not block.list_item and label is None:
        return "none"
    if label is None:
        return "bullet"
    if re.fullmatch(r"\d+", label):
        return "number"
    if re.fullmatch(r"[IVXLC]+", label):
        return "roman"
    if "." in label:
        return "dotted"
    return "letter"


def _first_word(content: str) -> str:
    toks = words(content[:60])
    if not toks:
        return "other"
    w = toks[0][0]
    if is_infinitive(w):
        return "infinitive"
    best = parses(w)[:1]
    if not best:
        return "other"
    tag = best[0].tag
    if tag.POS == "VERB":
        return "imperative" if "impr" in tag else "verb"
    if tag.POS in ("NOUN", "ADJF"):
        if "datv" in tag:
            return "datv-noun"
        if "nomn" in tag:
            return "nomn-noun"
    return "other"


def _own(text: str, block: Block) -> set[str]:
    """The block's features that do not depend on its neighbours."""
    a, b = body_text(text, block)
    content = text[a:b].rstrip()
    found = {f"marker={_marker(block)}", f"first={_first_word(content)}"}
    depth = block.first.depth
    found.add("depth=0" if depth == 0 else "depth=1" if depth == 1 else "depth=2+")
    line_start = text.rfind("\n", 0, block.start) + 1
    indent = len(text[line_start : block.start].expandtabs(4))
    found.add("indent=0" if indent == 0 else "indent=1-3" if indent < 4 else "indent=4+")
    end = content[-1:]
    found.add("end=colon" if end == ":" else "end=period" if end in ".!?" else
              "end=semicolon" if end in ";," else "end=other")
    size = len(content)
    found.add(next((f"len<{n}" for n in _LENGTHS if size < n), "len>=600"))
    flags = {"emphasised": block.emphasised, "bold": block.bold, "italic": block.italic,
             "caps": block.caps, "heading": block.heading is not None,
             "lower-start": content[:1].islower()}
    found.update(name for name, on in flags.items() if on)
    if block.heading is not None:
        found.add(f"heading={min(block.heading, 3)}" + ("+" if block.heading >= 3 else ""))
    head = content[:300]
    checks = {"recommend": RECOMMEND_INTRO, "addressing": ADDRESSING,
              "statement": STATEMENT_INTRO, "date": _DATE, "initials": SIGNATURE}
    found.update(name for name, pattern in checks.items() if pattern.search(head))
    if SPEAKER.match(head):
        found.add("speaker")
    if ADOPTED.match(head):
        found.add("adopted")
    return found


def features(text: str, blocks: list[Block], only: list[int] | None = None
             ) -> dict[int, set[str]]:
    """The feature names (a subset of :data:`FEATURES`) of every block, or of those ``only``."""
    n = len(blocks)
    wanted = range(n) if only is None else only
    own: dict[int, set[str]] = {}
    for j in {k for i in wanted for k in (i - 1, i, i + 1) if 0 <= k < n}:
        own[j] = _own(text, blocks[j])
    out = {}
    for i in wanted:
        found = set(own[i])
        found.add(f"position={min(4, 5 * i // max(n, 1))}")
        for side, j in (("prev", i - 1), ("next", i + 1)):
            if 0 <= j < n:
                found.update(f"{side}:{name}" for name in own[j] if name in _NEIGHBOUR)
            else:
                found.add(f"{side}:none")
        out[i] = found
    return out


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    #: Per feature name, the weight of each class (in the order of ``classes``).
    weights: dict[str, tuple[float, ...]]
    intercepts: tuple[float, ...]
    threshold: float
    meta: dict[str, Any]

    def probabilities(self, found: set[str]) -> dict[str, float]:
        scores = list(self.intercepts)
        for name in found:
            for k, w in enumerate(self.weights[name]):
                scores[k] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}


def model_from(data: dict[str, Any]) -> Model:
    """The model in ``data`` (the JSON of ``roles.json``); refuses one trained on other
    features than :data:`FEATURES`."""
    names = data.get("features")
    if names != list(FEATURES):
        missing = sorted(set(FEATURES) - set(names or ()))[:5]
        extra = sorted(set(names or ()) - set(FEATURES))[:5]
        raise RoleModelError(
            "the block-role model was trained on other features than the code gives "
            f"(missing {missing}, unknown {extra}): retrain it with scripts/train_roles.py")
    classes = tuple(data["classes"])
    weights = data["weights"]
    if len(weights) != len(names) or any(len(row) != len(classes) for row in weights):
        raise RoleModelError("the block-role model's weights do not match its features/roles")
    return Model(classes=classes, weights=dict(zip(names, map(tuple, weights), strict=True)),
                 intercepts=tuple(data["intercepts"]), threshold=float(data["threshold"]),
                 meta={k: data.get(k) for k in ("trained", "data_digest", "documents", "cv")})


@cache
def shipped() -> Model:
    """The model shipped in the package (``loaders/roles.json``)."""
    return model_from(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


def doubts(text: str, blocks: list[Block], roles: dict[int, str], model: Model
           ) -> dict[int, Certainty]:
    """The blocks whose facts the model doubts: index → the certainty their facts keep."""
    checked = [i for i, role in roles.items() if role in CHECKED]
    if not checked:
        return {}
    found = features(text, blocks, checked)
    out = {}
    for i in checked:
        role = roles[i]
        probs = model.probabilities(found[i])
        p = probs.get(role, 0.0)
        if p >= model.threshold:
            continue
        other = max((c for c in probs if c != role), key=probs.__getitem__)
        out[i] = Certainty(DOUBTED, f"block role: rules say {role}, model p={p:.2f} "
                                    f"({other} {probs[other]:.2f})")
    return out


def _lower(certainty: Certainty, doubt: Certainty) -> Certainty:
    return certainty if certainty.confidence <= doubt.confidence else doubt


def second_opinion(text: str, blocks: list[Block], items: Items,
                   model: Model | None = None) -> Items:
    """``items`` with the facts of doubted blocks made uncertain (values unchanged)."""
    doubted = doubts(text, blocks, items.roles, model or shipped())
    if not doubted:
        return items
    spans = [(blocks[i].start, blocks[i].end, c) for i, c in doubted.items()]

    def doubt_of(position: int) -> Certainty | None:
        return next((c for a, b, c in spans if a <= position < b), None)

    def addressee(found: Addressee | None, own: Certainty | None) -> Addressee | None:
        if found is None:
            return None
        doubt = doubt_of(found.span.start) or own
        return found if doubt is None else dataclasses.replace(
            found, certainty=_lower(found.certainty, doubt))

    def spanned(value: Spanned[str], doubt: Certainty | None) -> Spanned[str]:
        return value if doubt is None else dataclasses.replace(
            value, certainty=_lower(value.certainty, doubt))

    recs = []
    for rec in items.recommendations:
        doubt = doubt_of(rec.text.span.start)
        recs.append(dataclasses.replace(rec, text=spanned(rec.text, doubt),
                                        addressee=addressee(rec.addressee, doubt)))
    props = []
    for prop in items.proposals:
        doubt = doubt_of(prop.text.span.start)
        props.append(dataclasses.replace(prop, text=spanned(prop.text, doubt),
                                         addressee=addressee(prop.addressee, doubt)))
    return dataclasses.replace(items, recommendations=recs, proposals=props)

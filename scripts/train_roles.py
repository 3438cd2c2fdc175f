"""Train the block-role model (``loaders/roles.json``) on the rules' roles in labelled documents.

    .venv/bin/python scripts/train_roles.py [--target 0.008] [--dry-run]

Labels are the roles the rules of ``loaders/items.py`` give every block of each labelled
document (tests/data/dev and ../shared/corpus, ``expected*.json``) whose facts the loader reads
ALL right; documents with a wrong fact are left out. The model is a multinomial logistic
regression over ``loaders/roles.FEATURES``, fitted by AdaGrad with L2 in plain Python (no numpy,
no scikit-learn). A 5-fold cross-validation grouped by document prints per-role precision and
recall and the accuracy; the threshold is the largest probability of the rules' role under which
at most ``--target`` of the checked blocks (items, headings, proposals) fall out of fold. The
weights, the threshold, the training date and a digest of the training files go to
``loaders/roles.json``. Rerun after changing the rules or the features (a model trained on other
features is refused at load time).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from accuracy import DEFAULT, labelled  # noqa: E402

from resolutions_kg.errors import InputError  # noqa: E402
from resolutions_kg.loaders import roles  # noqa: E402
from resolutions_kg.loaders.blocks import Block  # noqa: E402
from resolutions_kg.loaders.facts import compare, reader_facts  # noqa: E402
from resolutions_kg.loaders.items import ROLES, Items  # noqa: E402
from resolutions_kg.loaders.parser import Observer, parse  # noqa: E402
from resolutions_kg.loaders.readers import read_path  # noqa: E402

FOLDS = 5
EPOCHS = 30
L2 = 1e-4
RATE = 0.3

Sample = tuple[tuple[int, ...], int]


def documents() -> tuple[dict[str, list[Sample]], list[str], list[str]]:
    """Per training document, its (feature indices, role index) samples; the digest lines; the
    documents left out."""
    index = {name: k for k, name in enumerate(roles.FEATURES)}
    docs: dict[str, list[Sample]] = {}
    digest, skipped = [], []
    for folder in DEFAULT:
        for path, expected in labelled(folder):
            seen: list[tuple[str, list[Block], Items]] = []
            try:
                res = parse(read_path(path), observe=_into(seen))
            except InputError:
                skipped.append(path.name)
                continue
            if not all(compare(expected, reader_facts(res)).values()):
                skipped.append(path.name)
                continue
            text, bs, items = seen[0]
            found = roles.features(text, bs)
            docs[path.name] = [(tuple(sorted(index[f] for f in found[i])), ROLES.index(role))
                               for i, role in sorted(items.roles.items())]
            digest.append(f"{path.name} {hashlib.sha256(path.read_bytes()).hexdigest()}")
    return docs, sorted(digest), skipped


def _into(seen: list[tuple[str, list[Block], Items]]) -> Observer:
    return lambda text, bs, items: seen.append((text, bs, items))


def fit(samples: list[Sample], n_features: int, n_classes: int, seed: int = 0
        ) -> tuple[list[list[float]], list[float]]:
    """Weights [feature][class] and intercepts, by AdaGrad on the softmax loss with L2."""
    counted = list(Counter(samples).items())
    w = [[0.0] * n_classes for _ in range(n_features)]
    gw = [[1e-8] * n_classes for _ in range(n_features)]
    b = [0.0] * n_classes
    gb = [1e-8] * n_classes
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        rng.shuffle(counted)
        for (feats, y), count in counted:
            p = _softmax(feats, w, b)
            for k in range(n_classes):
                g = count * (p[k] - (k == y))
                gb[k] += g * g
                b[k] -= RATE * g / math.sqrt(gb[k])
                for f in feats:
                    gf = g + L2 * w[f][k]
                    gw[f][k] += gf * gf
                    w[f][k] -= RATE * gf / math.sqrt(gw[f][k])
    return w, b


def _softmax(feats: tuple[int, ...], w: list[list[float]], b: list[float]) -> list[float]:
    scores = list(b)
    for f in feats:
        for k, x in enumerate(w[f]):
            scores[k] += x
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def cross_validate(docs: dict[str, list[Sample]]) -> list[tuple[int, list[float]]]:
    """Out-of-fold (role, probabilities) of every sample, folds grouped by document."""
    names = sorted(docs, key=lambda n: hashlib.sha256(n.encode()).hexdigest())
    out = []
    for fold in range(FOLDS):
        test = names[fold::FOLDS]
        train = [s for n in names if n not in test for s in docs[n]]
        w, b = fit(train, len(roles.FEATURES), len(ROLES))
        out += [(y, _softmax(f, w, b)) for n in test for f, y in docs[n]]
    return out


def report(oof: list[tuple[int, list[float]]]) -> float:
    predicted = [(y, max(range(len(p)), key=p.__getitem__)) for y, p in oof]
    accuracy = sum(y == q for y, q in predicted) / len(predicted)
    print(f"cross-validated accuracy: {accuracy:.3f} over {len(predicted)} blocks")
    print("| role | blocks | precision | recall |\n|---|---|---|---|")
    for k, role in enumerate(ROLES):
        truth = sum(y == k for y, _ in predicted)
        said = sum(q == k for _, q in predicted)
        hit = sum(y == q == k for y, q in predicted)
        if truth or said:
            print(f"| {role} | {truth} | {hit / said if said else 0:.2f} | "
                  f"{hit / truth if truth else 0:.2f} |")
    return accuracy


def threshold(oof: list[tuple[int, list[float]]], target: float) -> tuple[float, float]:
    """The largest threshold (0.01 steps up to 0.5) that doubts at most ``target`` of the
    checked blocks out of fold, and the share it doubts."""
    checked = [p[y] for y, p in oof if ROLES[y] in roles.CHECKED]
    best, share = 0.0, 0.0
    for step in range(1, 51):
        t = step / 100
        doubted = sum(q < t for q in checked) / len(checked)
        if doubted > target:
            break
        best, share = t, doubted
    return best, share


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--target", type=float, default=0.008,
                        help="largest share of checked blocks doubted out of fold")
    parser.add_argument("--dry-run", action="store_true", help="do not write roles.json")
    args = parser.parse_args(argv)
    docs, digest, skipped = documents()
    print(f"{len(docs)} documents, {sum(map(len, docs.values()))} blocks; left out "
          f"(a wrong fact): {', '.join(skipped) or 'none'}")
    by_role = Counter(ROLES[y] for samples in docs.values() for _, y in samples)
    print("blocks per role:", dict(by_role))
    oof = cross_validate(docs)
    accuracy = report(oof)
    limit, share = threshold(oof, args.target)
    per_role: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for y, p in oof:
        if ROLES[y] in roles.CHECKED:
            per_role[ROLES[y]][0] += 1
            per_role[ROLES[y]][1] += p[y] < limit
    print(f"threshold {limit:.2f}: {100 * share:.1f} % of checked blocks doubted out of fold "
          + ", ".join(f"{r} {d}/{n}" for r, (n, d) in sorted(per_role.items())))
    w, b = fit([s for samples in docs.values() for s in samples], len(roles.FEATURES),
               len(ROLES))
    data = {
        "features": list(roles.FEATURES), "classes": list(ROLES),
        "weights": [[round(x, 5) for x in row] for row in w],
        "intercepts": [round(x, 5) for x in b], "threshold": limit,
        "trained": dt.date.today().isoformat(),
        "data_digest": hashlib.sha256("\n".join(digest).encode()).hexdigest(),
        "documents": len(docs),
        "cv": {"folds": FOLDS, "accuracy": round(accuracy, 4), "blocks": len(oof),
               "doubted_share": round(share, 4)},
    }
    if not args.dry_run:
        roles.MODEL_PATH.write_text(json.dumps(data, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
        print(f"wrote {roles.MODEL_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

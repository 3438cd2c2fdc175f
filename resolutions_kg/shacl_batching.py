"""Make pyshacl evaluate nested shapes once per batch of value nodes, not once per value node.

pyshacl's ``PropertyConstraintComponent`` (``sh:property``) calls ``Shape.validate`` on the
property shape separately for every value node of every focus node, and each call rebuilds the
shape's constraint components from the shapes graph. For our documents — hundreds of
annotations and selectors, each the focus of half a dozen property shapes — that per-call set-up,
not the checks themselves, is most of the validation time.

:func:`install` replaces that one method with one that hands the property shape all value nodes
at once, which ``Shape.validate`` accepts (it is how target-derived focus nodes are validated):
the same constraints run on the same nodes and report the same results. Likewise
``sh:qualifiedValueShape``: the value shape is validated once on all value nodes, and a value
node conforms unless a result with it as focus node has a severity that is not allowed — the rule
``Shape.validate`` applies to a single node. Cases the batching does not cover (a possibly
recursive shape, a missing or malformed shape, disjoint sibling shapes, no value nodes, a verdict
the results do not explain) go to pyshacl's own methods.

Every result pyshacl makes — most of them inside ``sh:or`` alternatives and qualified value
shapes, and thrown away — also gets a text description, for the text report ``pyshacl.validate``
returns; :mod:`resolutions_kg.validation` reads the report graph only (its
:meth:`~resolutions_kg.validation.Report.text` is written from the graph), so descriptions are
left empty. The report graph is unchanged. And the list of constraint parameters that
``Shape.validate`` searches for every predicate of a shape answers from a set.

The patch is applied only to the pyshacl versions it was checked against; with any other version
validation is simply slower.
"""

from __future__ import annotations

from typing import Any

import pyshacl
from pyshacl import shape as pyshacl_shape
from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP
from pyshacl.constraints.constraint_component import ConstraintComponent
from pyshacl.constraints.core.shape_based_constraints import (
    PropertyConstraintComponent,
    QualifiedValueShapeConstraintComponent,
    SH_QualifiedMaxCountConstraintComponent,
    SH_QualifiedMinCountConstraintComponent,
)
from pyshacl.consts import SH_focusNode, SH_Info, SH_resultSeverity, SH_Warning

#: pyshacl versions whose ``_evaluate_property_shape`` this replacement was checked against.
CHECKED_VERSIONS = ("0.40.",)

_original = PropertyConstraintComponent._evaluate_property_shape
_original_qualified = QualifiedValueShapeConstraintComponent._evaluate_value_shape
#: (class, method name, pyshacl's own method) of every method :func:`install` replaces.
ORIGINALS = (
    (PropertyConstraintComponent, "_evaluate_property_shape", _original),
    (QualifiedValueShapeConstraintComponent, "_evaluate_value_shape", _original_qualified),
    (ConstraintComponent, "make_v_result_description",
     ConstraintComponent.make_v_result_description),
)


def _no_description(self: Any, *args: Any, **kwargs: Any) -> str:
    return ""


class _Parameters(list[Any]):
    """pyshacl's list of constraint parameters, answering ``in`` from a set: ``Shape.validate``
    asks it about every predicate of the shape, at every evaluation."""

    def __init__(self, items: Any = ()) -> None:
        super().__init__(items)
        self._set = set(self)

    def __contains__(self, item: object) -> bool:
        return item in self._set

    def copy(self) -> _Parameters:
        return _Parameters(self)

    def append(self, item: Any) -> None:
        super().append(item)
        self._set.add(item)


#: What ``pyshacl.shape`` looks up its constraint parameters in (it fills it on first use).
_PLAIN_PARAMETERS = (list(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)
ORIGINALS += ((pyshacl_shape, "CONSTRAINT_PARAMS", _PLAIN_PARAMETERS),)  # type: ignore[assignment]


def _evaluate_property_shape_batched(
    self: Any,
    executor: Any,
    prop_shape: Any,
    target_graph: Any,
    focus_value_nodes: dict[Any, Any],
    potentially_recursive: Any,
    _evaluation_path: list[Any],
) -> tuple[bool, list[Any]]:
    found = self.shape.get_other_shape(prop_shape)
    if (
        not found
        or not found.is_property_shape
        or (potentially_recursive and found in potentially_recursive)
    ):
        return _original(  # type: ignore[no-any-return]
            self, executor, prop_shape, target_graph, focus_value_nodes, potentially_recursive,
            _evaluation_path,
        )
    values = list(dict.fromkeys(v for nodes in focus_value_nodes.values() for v in nodes))
    if not values:
        return False, []
    conforms, reports = found.validate(
        executor, target_graph, focus=values, _evaluation_path=_evaluation_path[:]
    )
    return not conforms, reports


def _failing(executor: Any, shape: Any, reports: list[Any]) -> set[Any] | None:
    """The focus nodes the results make non-conforming (None when a result lacks a focus)."""
    allowed = set()
    if executor.allow_infos:
        allowed.add(SH_Info)
    if executor.allow_warnings:
        allowed.update((SH_Info, SH_Warning))
    if shape.severity in allowed:
        return set()
    failing = set()
    for _text, node, parts in reports:
        focus = [p[2] for p in parts if p[0] == node and p[1] == SH_focusNode]
        severity = [p[2] for p in parts if p[0] == node and p[1] == SH_resultSeverity]
        if len(focus) != 1:
            return None
        if allowed and severity and severity[0] in allowed:
            continue
        target = focus[0]
        failing.add(target[1] if isinstance(target, tuple) else target)
    return failing


def _evaluate_value_shape_batched(
    self: Any,
    executor: Any,
    v_shape: Any,
    target_graph: Any,
    focus_value_nodes: dict[Any, Any],
    potentially_recursive: Any,
    _evaluation_path: list[Any],
) -> tuple[bool, list[Any]]:
    other = self.shape.get_other_shape(v_shape)
    values = list(dict.fromkeys(v for nodes in focus_value_nodes.values() for v in nodes))
    failing = None
    if other and values and not self.is_disjoint and not (
        potentially_recursive and other in potentially_recursive
    ):
        conforms, reports = other.validate(
            executor, target_graph, focus=values, _evaluation_path=_evaluation_path[:]
        )
        failing = set() if conforms else _failing(executor, other, reports)
        if failing is not None and not conforms and not failing:
            failing = None  # a verdict the results do not explain
    if failing is None:
        return _original_qualified(  # type: ignore[no-any-return]
            self, executor, v_shape, target_graph, focus_value_nodes, potentially_recursive,
            _evaluation_path,
        )
    results = []
    for focus, nodes in focus_value_nodes.items():
        conforming = sum(1 for v in nodes if v not in failing)
        if self.max_count is not None and conforming > self.max_count:
            results.append(self.make_v_result(
                target_graph, focus, constraint_component=SH_QualifiedMaxCountConstraintComponent))
        if self.min_count is not None and conforming < self.min_count:
            results.append(self.make_v_result(
                target_graph, focus, constraint_component=SH_QualifiedMinCountConstraintComponent))
    return bool(results), results


def install() -> bool:
    """Batch nested shapes in this process; returns whether the patch applies."""
    if not pyshacl.__version__.startswith(CHECKED_VERSIONS):
        return False
    PropertyConstraintComponent._evaluate_property_shape = (  # type: ignore[method-assign]
        _evaluate_property_shape_batched
    )
    QualifiedValueShapeConstraintComponent._evaluate_value_shape = (  # type: ignore[method-assign]
        _evaluate_value_shape_batched
    )
    ConstraintComponent.make_v_result_description = _no_description  # type: ignore[method-assign]
    pyshacl_shape.CONSTRAINT_PARAMS = (  # type: ignore[attr-defined]
        _Parameters(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)
    return True

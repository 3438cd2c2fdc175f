"""Make pyshacl evaluate each property shape once per parent shape, not once per value node.

pyshacl's ``PropertyConstraintComponent`` (``sh:property``) calls ``Shape.validate`` on the
property shape separately for every value node of every focus node, and each call rebuilds the
shape's constraint components from the shapes graph. For our documents — hundreds of
annotations and selectors, each the focus of half a dozen property shapes — that per-call set-up,
not the checks themselves, is most of the validation time.

:func:`install` replaces that one method with one that hands the property shape all value nodes
at once, which ``Shape.validate`` accepts (it is how target-derived focus nodes are validated):
the same constraints run on the same nodes and report the same results. Cases the batching does
not cover (a possibly recursive shape, a missing or malformed property shape: pyshacl warns or
raises there) go to pyshacl's own method. The patch is applied only to the pyshacl versions it
was checked against; with any other version validation is simply slower.
"""

from __future__ import annotations

from typing import Any

import pyshacl
from pyshacl.constraints.core.shape_based_constraints import PropertyConstraintComponent

#: pyshacl versions whose ``_evaluate_property_shape`` this replacement was checked against.
CHECKED_VERSIONS = ("0.40.",)

_original = PropertyConstraintComponent._evaluate_property_shape


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


def install() -> bool:
    """Batch property shapes in this process; returns whether the patch applies."""
    if not pyshacl.__version__.startswith(CHECKED_VERSIONS):
        return False
    PropertyConstraintComponent._evaluate_property_shape = (  # type: ignore[method-assign]
        _evaluate_property_shape_batched
    )
    return True

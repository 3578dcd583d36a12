"""Property-based: a mangled bundle either imports or is refused with a DomainError."""

from __future__ import annotations

import copy
import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.services.bundle_read import import_bundle
from app.services.demo import demo_bundle

DEMO = demo_bundle(date(2024, 5, 28), today=date(2024, 5, 18))

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(
        [
            "2024-10-27T02:15",
            "2024-03-31T02:30",
            "Europe/Paris",
            "fr",
            "",
            "2024-02-30",
            "ready",
            "-1",
            "1e999",
        ]
    ),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


ALL_PATHS = [p for p in _paths(DEMO) if p]


def _mutate(data, path, action, value):
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "delete":
        if isinstance(parent, dict):
            del parent[last]
        else:
            parent.pop(last)
    elif action == "replace":
        parent[last] = value
    elif action == "add" and isinstance(parent[last], dict):
        parent[last]["unexpected"] = value
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))


mutation = st.tuples(
    st.sampled_from(ALL_PATHS),
    st.sampled_from(["delete", "replace", "add", "duplicate"]),
    json_values,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(mutations=st.lists(mutation, min_size=1, max_size=4))
def test_mangled_bundles_import_or_raise_the_domain_error(store, mutations):
    data = copy.deepcopy(DEMO)
    for path, action, value in mutations:
        try:
            _mutate(data, path, action, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed that path
    try:
        with store.session() as session:
            import_bundle(session, json.dumps(data))
    except DomainError as exc:
        assert exc.problems and all(str(p) for p in exc.problems)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(0, 4000), junk=st.binary(max_size=20))
def test_truncated_or_corrupted_text_is_refused_cleanly(store, cut, junk):
    raw = json.dumps(DEMO).encode("utf-8")
    mangled = raw[:cut] + junk + raw[cut + len(junk) :]
    try:
        with store.session() as session:
            import_bundle(session, mangled)
    except DomainError as exc:
        assert exc.problems

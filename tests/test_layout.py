"""The layered layout used to draw scenarios and pathways."""

from __future__ import annotations

from tipcase import bundled
from tipcase.format.graph_layout import LAYER_GAP, layered_layout, layers, placed
from tipcase.format.loader import load_file


def test_layers_follow_the_longest_path_from_the_start() -> None:
    graph = {"a": ["b", "c", "d"], "b": ["d"], "c": ["d"], "d": [], "lonely": []}
    assert layers(graph, "a") == {"a": 0, "b": 1, "c": 1, "d": 2, "lonely": 3}


def test_back_edges_do_not_pull_nodes_back() -> None:
    # the pathway's own order: investigation may refer back to restitution, which is still drawn before it
    graph = {
        "statement": ["restitution", "investigation"],
        "restitution": ["investigation"],
        "investigation": ["restitution", "court"],
        "court": [],
    }
    assert layers(graph, "statement") == {"statement": 0, "restitution": 1, "investigation": 2, "court": 3}


def test_every_node_gets_a_distinct_position_on_a_big_case() -> None:
    scenario = load_file(bundled.bundled_dir() / "scam-compound-return.yaml").scenario
    assert scenario is not None
    successors = {stage.id: [c.to for c in stage.choices] for stage in scenario.stages.values()}
    position = layered_layout(successors, scenario.start)
    assert set(position) == set(scenario.stages)
    assert len(set(position.values())) == len(position)
    assert position["arrival"] == (0.0, 0.0)
    assert position["medical"][0] == LAYER_GAP


def test_loops_do_not_break_the_layout() -> None:
    position = layered_layout({"a": ["a", "b"], "b": ["a"]}, "a")
    assert position == {"a": (0.0, 0.0), "b": (LAYER_GAP, 0.0)}


def test_placed_keeps_fixed_positions_and_lays_the_rest_out_below_them() -> None:
    graph = {"a": ["b"], "b": ["c"], "c": [], "new": []}
    assert placed(graph, "a", {}) == layered_layout(graph, "a")
    fixed = {"a": (0.0, 0.0), "b": (300.0, -50.0), "c": (600.0, 40.0)}
    position = placed(graph, "a", fixed)
    assert {node: position[node] for node in fixed} == fixed
    assert position["new"][1] > 40.0  # below every placed stage, so nothing overlaps
    assert placed({}, "a", {}) == {}
    assert set(placed({"x": []}, "missing-start", {})) == {"x"}

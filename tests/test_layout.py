"""The layouts the maps are drawn with: the case graph in layers (igraph's Sugiyama) and the pathway in lanes."""

from __future__ import annotations

from tipcase import bundled
from tipcase.format import graph_layout
from tipcase.format.graph_layout import LAYER_GAP, ROW_GAP, free_place, layered, layered_layout, layers, placed
from tipcase.format.loader import load_file
from tipcase.format.pathway_map import NODE_HEIGHT, ROW_PADDING, Step, lane_map


def test_layers_follow_the_longest_path_from_the_start() -> None:
    graph = {"a": ["b", "c", "d"], "b": ["d"], "c": ["d"], "d": [], "lonely": []}
    assert layers(graph, "a") == {"a": 0, "b": 1, "c": 1, "d": 2, "lonely": 0}


def test_back_edges_do_not_pull_nodes_back() -> None:
    # the pathway's own order: investigation may refer back to restitution, which is still drawn before it
    graph = {
        "statement": ["restitution", "investigation"],
        "restitution": ["investigation"],
        "investigation": ["restitution", "court"],
        "court": [],
    }
    assert layers(graph, "statement") == {"statement": 0, "restitution": 1, "investigation": 2, "court": 3}


def _big_case() -> dict[str, list[str]]:
    scenario = load_file(bundled.bundled_dir() / "scam-compound-return.yaml").scenario
    assert scenario is not None
    return {stage.id: [c.to for c in stage.choices] for stage in scenario.stages.values()}


def test_every_node_gets_its_own_place_and_the_start_comes_first() -> None:
    successors = _big_case()
    layout = layered(successors, "arrival")
    assert set(layout.positions) == set(successors)
    assert len(set(layout.positions.values())) == len(layout.positions)
    assert layout.positions["arrival"][0] == 0.0
    assert all(x >= LAYER_GAP for node, (x, _) in layout.positions.items() if node != "arrival")  # the start alone in the first column
    assert {layout.layer_of[node] for node in successors["arrival"]} & {1}  # and something it leads to in the next
    for node, (x, _) in layout.positions.items():
        assert x == layout.layer_of[node] * LAYER_GAP


def test_long_edges_pass_between_nodes_not_across_them() -> None:
    successors = _big_case()
    layout = layered(successors, "arrival")
    assert layout.bends  # the case has choices that skip layers
    for (source, target), points in layout.bends.items():
        assert len(points) == abs(layout.layer_of[target] - layout.layer_of[source]) - 1
        for x, y in points:
            in_column = [ny for nx, ny in layout.positions.values() if nx == x]
            assert all(abs(ny - y) >= ROW_GAP / 2 for ny in in_column), (source, target)


def test_loops_do_not_break_the_layout() -> None:
    position = layered_layout({"a": ["a", "b"], "b": ["a"]}, "a")
    assert position["a"][0] == 0.0
    assert position["b"][0] == LAYER_GAP


def test_a_part_not_joined_to_the_rest_goes_below_it_and_is_laid_out_alone() -> None:
    n = 400
    graph = {f"s{i}": [f"s{j}" for j in (i + 1, i + 2) if j < n] for i in range(n)}
    graph_layout._part_layout.cache_clear()  # shapes other tests laid out would count as hits
    first = layered(graph, "s0")
    before = graph_layout._part_layout.cache_info()
    graph["new"] = []  # the editor's Add stage: a stage nothing leads to yet
    second = layered(graph, "s0")
    after = graph_layout._part_layout.cache_info()
    assert after.hits == before.hits + 1  # the 400 stages were not laid out again
    assert after.misses == before.misses + 1  # only the new stage was
    assert {node: second.positions[node] for node in first.positions} == first.positions
    assert second.positions["new"][1] > max(y for _, y in first.positions.values())


def test_placed_keeps_fixed_positions_and_lays_the_rest_out_below_them() -> None:
    graph = {"a": ["b"], "b": ["c"], "c": [], "new": []}
    assert placed(graph, "a", {}).positions == layered_layout(graph, "a")
    fixed = {"a": (0.0, 0.0), "b": (300.0, -50.0), "c": (600.0, 40.0)}
    position = placed(graph, "a", fixed).positions
    assert {node: position[node] for node in fixed} == fixed
    assert position["new"][1] > 40.0  # below every placed stage, so nothing overlaps
    assert placed({}, "a", {}).positions == {}
    assert set(placed({"x": []}, "missing-start", {}).positions) == {"x"}


def test_an_edge_keeps_its_bends_only_while_its_ends_stay_where_the_layout_put_them() -> None:
    graph = {"a": ["b", "c"], "b": ["c"], "c": []}
    automatic = layered(graph, "a")
    assert ("a", "c") in automatic.bends
    kept = placed(graph, "a", dict(automatic.positions))
    assert kept.bends == automatic.bends
    moved = placed(graph, "a", {**automatic.positions, "c": (900.0, 500.0)})
    assert ("a", "c") not in moved.bends


def test_the_pathway_is_a_map_of_agencies_in_lanes_read_phase_by_phase() -> None:
    pathway = load_file(bundled.bundled_dir() / "pathways" / "id-gbv-integrated-services.yaml").pathway
    assert pathway is not None
    steps = [Step(node.id, node.agency.get("en") if node.agency else "", node.phase or "") for node in pathway.nodes.values()]
    drawn = lane_map(steps, pathway.referrals)
    agencies = {step.lane for step in steps}
    assert sorted(lane.name for lane in drawn.lanes) == sorted(agencies)  # a lane for each agency, once
    lane_of = {node: lane for lane in drawn.lanes for node in lane.nodes}
    for step in steps:  # every step inside its agency's band
        _, y = drawn.positions[step.id]
        assert lane_of[step.id].name == step.lane
        assert lane_of[step.id].top < y < lane_of[step.id].bottom
    assert [phase.name for phase in drawn.phases] == list(dict.fromkeys(step.phase for step in steps))
    for earlier, later in zip(drawn.phases, drawn.phases[1:], strict=False):
        assert earlier.last < later.first  # phases read left to right
    assert drawn.lanes[0].name == steps[0].lane  # the first report's agency comes first
    assert len(drawn.phases) <= max(drawn.column_of.values()) + 1 <= len(drawn.phases) + 2  # compact: no column per step
    for (source, target), points in drawn.bends.items():  # referrals that skip columns pass in the gaps
        for x, y in points:
            blocking = [ny for node, (nx, ny) in drawn.positions.items() if nx == x]
            assert all(abs(ny - y) >= 30 for ny in blocking), (source, target)


def test_a_lane_holds_every_step_of_its_agency() -> None:
    steps = [Step("a", "Police", "identification"), Step("b", "Shelter", "protection"), Step("c", "Police", "investigation")]
    drawn = lane_map(steps, [("a", "b"), ("b", "c"), ("a", "c")])
    assert [lane.name for lane in drawn.lanes] == ["Police", "Shelter"]
    assert drawn.lanes[0].nodes == ("a", "c")
    assert drawn.positions["a"][1] == drawn.positions["c"][1]
    assert drawn.positions["a"][0] < drawn.positions["b"][0] < drawn.positions["c"][0]
    assert lane_map([], []).positions == {}


def test_a_lane_is_as_tall_as_its_nodes_and_its_name_need() -> None:
    steps = [Step("a", "Police", "identification"), Step("b", "Shelter", "protection"), Step("c", "Police", "protection")]
    drawn = lane_map(steps, [("a", "b"), ("a", "c")], node_heights={"a": 40.0, "b": 70.0, "c": 30.0}, lane_heights={"Police": 80.0})
    police, shelter = drawn.lanes
    assert police.bottom - police.top == 80.0 + ROW_PADDING  # the name needs more than the nodes
    assert shelter.bottom - shelter.top == 70.0 + ROW_PADDING
    assert drawn.positions["a"][1] == (police.top + police.bottom) / 2  # centred in its lane
    assert shelter.top == police.bottom


def test_the_largest_bundled_pathway_is_no_taller_than_its_agencies() -> None:
    pathway = load_file(bundled.bundled_dir() / "pathways" / "id-tip-referral.yaml").pathway
    assert pathway is not None
    steps = [Step(node.id, node.agency.get("en") if node.agency else "", node.phase or "") for node in pathway.nodes.values()]
    drawn = lane_map(steps, pathway.referrals)
    columns = [[drawn.column_of[node] for node in lane.nodes] for lane in drawn.lanes]
    rows = sum(max(taken.count(column) for column in taken) for taken in columns)  # nodes of a lane sharing a column stack
    assert len(drawn.lanes) == len({step.lane for step in steps}) == 18  # an agency a node: the departure checkpoint's too
    assert drawn.lanes[-1].bottom == rows * (NODE_HEIGHT + ROW_PADDING)  # no room above the nodes: names go beside them


def test_a_hostile_pathway_of_thousands_of_steps_is_laid_out_without_the_costly_parts() -> None:
    n = 3000
    phases = ["identification", "protection", "investigation", "prosecution", "court", "recovery"]
    steps = [Step(f"n{i}", f"Agency {i % 500}", phases[i * 6 // n]) for i in range(n)]
    referrals = [(f"n{i}", f"n{(i * 7919 + k) % n}") for i in range(n) for k in range(1, 7)]
    drawn = lane_map(steps, referrals)
    assert len(drawn.positions) == n
    assert len(drawn.lanes) == 500
    assert drawn.bends == {}  # past the span limit: no crossing reduction, referrals drawn straight


def test_a_case_of_random_jumps_across_thousands_of_stages_is_laid_out_at_once() -> None:
    n = 2000
    graph = {f"s{i}": [f"s{i + 1}", f"s{i * 7919 % n}", f"s{i * 104729 % n}"] for i in range(n - 1)} | {f"s{n - 1}": []}
    layout = layered(graph, "s0")  # 72 s and 730 MiB with every long edge routed; bounded now
    assert len(set(layout.positions.values())) == n
    assert layout.bends == {}  # past SPAN_LIMIT long edges are drawn without bends


def test_a_node_added_to_a_drawn_graph_goes_on_the_nearest_free_spot() -> None:
    taken = [(0.0, 0.0), (LAYER_GAP, 0.0), (LAYER_GAP, ROW_GAP), (LAYER_GAP, -ROW_GAP)]
    assert free_place(taken, (0.0, 0.0)) == (LAYER_GAP, 2 * ROW_GAP)  # the next layer, the nearest free row (below first)
    assert free_place(taken, (0.0, 0.0), beside=False) == (0.0, ROW_GAP)  # a copy: its own layer, under it
    assert free_place([], (10.0, 20.0)) == (10.0 + LAYER_GAP, 20.0)
    crowded = [(LAYER_GAP, row * ROW_GAP) for row in range(-300, 300)]  # every nearby row taken: below the layer's lowest
    assert free_place(crowded, (0.0, 0.0)) == (LAYER_GAP, 300 * ROW_GAP)

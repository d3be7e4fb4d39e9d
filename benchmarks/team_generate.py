"""A generated team case of realistic size for ``make bench``: ROLES roles of STAGES stages each.

Each role works a chain of decision stages (three choices each: a good one that sets a flag and scores,
a quick one, a poor one), with a boolean variable per few stages; role k waits for the hand-over of role
k-1 part-way along its chain and sends its own to role k+1 from a later stage, carrying the flags; the
last role can return the file (P-19) to the one before it, which waits for the answer; every role gets a
timed inject. The shape of the bundled team case, at any size.
"""

from __future__ import annotations

ROLE_IDS = ["labour-inspector", "investigator", "case-worker", "lpsk-officer", "prosecutor", "immigration-officer", "consular-officer"]


def team_case(roles: int = 5, stages: int = 18, flags: int = 4) -> str:
    ids = ROLE_IDS[:roles]
    lines = ["tipcase-team: 1", "id: generated-team", "version: 1", "title: Generated team case", "roles:"]
    handovers: list[str] = []
    for k, role in enumerate(ids):
        names = [f"f{i}" for i in range(flags)]
        variables = ", ".join(f"{n}: false" for n in [*names, "returned"])
        lines += [f"  {role}:", f"    variables: {{{variables}}}", "    start: s0", "    stages:"]
        wait_at = 2 if k else -1
        send_at = stages - 4 if k < roles - 1 else -1
        for i in range(stages):
            lines.append(f"      s{i}:")
            lines.append(f"        text: Stage {i} of {role}")
            if i == wait_at:
                lines.append(f"        wait: h{k - 1}")
            if k == roles - 2 and i == stages - 3:
                lines.append("        wait: answer")
            if i == stages - 1:
                lines.append("        end: success")
                continue
            nxt = f"s{i + 1}"
            flag = names[i % flags]
            send = f", send: h{k}" if i == send_at else ""
            lines.append("        choices:")
            if k == roles - 1 and i == stages - 3:
                accept = f"to: {nxt}, when: {flag}, set: {{returned: false}}, send: answer, score: {{legal_process: 2}}"
                give_back = f"to: s{wait_at}, when: not {flag}, set: {{returned: true}}, send: answer"
                lines.append(f"          - {{label: Accept (P-21), {accept}, feedback: ok}}")
                lines.append(f"          - {{label: Return (P-19), {give_back}, feedback: ok}}")
                continue
            if k == roles - 2 and i == stages - 3:
                lines.append(f"          - {{label: Close, to: {nxt}, when: not returned, score: {{evidence: 1}}, feedback: ok}}")
                lines.append(
                    f"          - {{label: Complete the file, to: s{send_at}, when: returned, set: {{{flag}: true}}, feedback: ok}}"
                )
                continue
            lines.append(
                f"          - {{label: Good, to: {nxt}, set: {{{flag}: true}}, score: {{victim_care: 1}}, hours: 2{send}, feedback: ok}}"
            )
            lines.append(f"          - {{label: Quick, to: {nxt}, hours: 1{send}, feedback: ok}}")
            lines.append(f"          - {{label: Poor, to: {nxt}, score: {{victim_care: -1}}, hours: 1{send}, feedback: ok}}")
        if k < roles - 1:
            carries = ", ".join(names)
            handovers += [f"  h{k}:", f"    from: {role}", f"    to: {ids[k + 1]}", f"    title: File {k}", f"    carries: [{carries}]"]
    handovers += ["  answer:", f"    from: {ids[-1]}", f"    to: {ids[-2]}", "    title: Research result", "    carries: [returned]"]
    lines += ["handovers:", *handovers, "injects:"]
    for k, role in enumerate(ids):
        lines += [f"  - id: inject-{k}", f"    to: {role}", "    at: {hours: 10}", f"    text: Something happens to {role}"]
    return "\n".join(lines) + "\n"

"""A small team case whose scores are worked out by hand, for the team tests.

Three roles on the mini pathway of tests/conftest.py (arrival, care, statement, shelter; rules
care-first, statement-24h, shelter-required). The labour inspector refers the workers to the
investigator (carrying whether the wage slips were copied); the investigator asks the case worker to
see to their care first and waits for her answer, or takes the statement at once; the case worker
takes them to the clinic, then to the shelter (or, critically, sends them home).

Best route, by hand (BEST): inspector [1]; investigator [1, 1, 1]; case worker [1, 1].
  inspector: identification 2 (max 2), total 2 of 2.
  investigator: victim_care 1 (weight 2), evidence 2: total 4 of 4.
  case worker: victim_care 2 (weight 2), referral 1: total 5 of 5.
  team: identification 2, victim_care 3, evidence 2, referral 1: total 11 of 11, 100%, passed.
  clocks: referral sent at 2; investigator 2 -> 3 (sends care-request at 3); case worker 3 -> 6 (care)
  -> 7 (shelter, sends care-done at 7); investigator takes it at 7 (the threat inject, at 4 hours,
  fires then) -> statement at 9. Trail: arrival 0, care 6, shelter 7, statement 9: no rule broken.

Hasty route (HASTY): inspector [2]; investigator [2, 1]; case worker [1, 1].
  inspector: identification 1 of 2 (50%), total 1 of 2: 50%.
  investigator: the statement at once (clock 2), no slips so only "record the statement" is offered:
  victim_care 0, evidence 0: total 0 of 4, 0%; its clock ends at 2, so the threat never fires.
  case worker: as above but from clock 2: care 5, shelter 6; total 5 of 5.
  team trail: arrival 0, statement 2, care 5, shelter 6: care-first broken (victim_care -3).
  team: identification 1, victim_care 2 - 3 = -1, referral 1: total 1 - 2 + 0 + 1 = 0 of 11: 0%, not
  passed; the inspector's referral was incomplete (no slips): evidence -1 more, so total -1 (0%).
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import PATHWAY, dedent

MINI_TEAM = """\
tipcase-team: 1
id: mini-team
version: 1
title: {en: Mini team, id: Tim mini}
languages: [en, id]
pathway: mini
pass_mark: 70
competencies:
  identification: {title: {en: Identification, id: Identifikasi}}
  victim_care: {title: {en: Victim care, id: Perawatan korban}, weight: 2}
  evidence: {title: {en: Evidence, id: Alat bukti}}
  legal_process: {title: {en: Legal process, id: Proses hukum}}
  referral: {title: {en: Referral, id: Rujukan}}
exhibits:
  wage-slips: {kind: document, title: {en: Wage slips, id: Slip gaji}}
  threat-message: {kind: chat, title: {en: A threat, id: Ancaman}}
objectives:
  care-first:
    title: {en: Care before the statement, id: Perawatan sebelum keterangan}
    competencies: [victim_care]
    rules: [care-first]
    handovers: [care-request]
roles:
  inspector:
    role: labour-inspector
    title: {en: Labour inspector, id: Pengawas ketenagakerjaan}
    briefing: {en: You inspect a factory., id: Anda memeriksa pabrik.}
    variables: {slips: false}
    start: visit
    stages:
      visit:
        at: arrival
        text: {en: Workers are locked in., id: Pekerja dikunci.}
        choices:
          - label: {en: Copy the wage slips then refer, id: Salin slip gaji lalu rujuk}
            to: referred
            set: {slips: true}
            send: referral
            score: {identification: 2}
            hours: 2
            feedback: {en: Right., id: Benar.}
          - label: {en: Refer at once, id: Langsung rujuk}
            to: referred
            send: referral
            score: {identification: 1}
            hours: 1
            feedback: {en: The slips were lost., id: Slip gaji hilang.}
      referred: {text: {en: Referred., id: Dirujuk.}, end: success}
  investigator:
    variables: {slips: false, threatened: false}
    start: desk
    stages:
      desk:
        text: {en: A referral arrives., id: Rujukan tiba.}
        wait: referral
        choices:
          - label: {en: Ask the case worker to see to their care first, id: Minta pendamping merawat dulu}
            to: waiting-care
            send: care-request
            score: {victim_care: 1}
            hours: 1
            feedback: {en: Care first., id: Perawatan dulu.}
          - label: {en: Take the statement now, id: Ambil keterangan sekarang}
            to: statement
            send: care-request
            hours: 1
            feedback: {en: Too soon., id: Terlalu cepat.}
      waiting-care:
        text: {en: The case worker sends word., id: Pendamping memberi kabar.}
        wait: care-done
        choices:
          - label: {en: Take the statement, id: Ambil keterangan}
            to: statement
            hours: 2
            feedback: {en: Good., id: Baik.}
      statement:
        at: statement
        text: {en: The statement., id: Keterangan.}
        choices:
          - label: {en: Seize the wage slips, id: Sita slip gaji}
            when: slips
            to: closed
            score: {evidence: 2}
            feedback: {en: Evidence., id: Alat bukti.}
          - label: {en: Record the statement only, id: Catat keterangan saja}
            to: closed
            feedback: {en: Thin., id: Tipis.}
      closed: {text: {en: Closed., id: Selesai.}, end: success}
  case-worker:
    title: {en: Case worker, id: Pendamping}
    start: intake
    stages:
      intake:
        text: {en: A request arrives., id: Permintaan tiba.}
        wait: care-request
        choices:
          - label: {en: Take them to the clinic, id: Bawa ke klinik}
            to: clinic
            score: {victim_care: 2}
            hours: 3
            feedback: {en: Right., id: Benar.}
      clinic:
        at: care
        text: {en: At the clinic., id: Di klinik.}
        choices:
          - label: {en: Place them in the shelter and tell the investigator, id: Tempatkan di rumah aman dan kabari penyidik}
            to: placed
            send: care-done
            score: {referral: 1}
            hours: 1
            feedback: {en: Right., id: Benar.}
          - label: {en: Send them home with bus fare, id: Pulangkan dengan ongkos bus}
            to: home
            send: care-done
            critical: {en: They are at risk at home., id: Mereka berisiko di rumah.}
            feedback: {en: No., id: Tidak.}
      placed:
        at: shelter
        text: {en: In the shelter., id: Di rumah aman.}
        end: success
      home: {text: {en: Sent home., id: Dipulangkan.}, end: failure}
handovers:
  referral:
    from: inspector
    to: investigator
    title: {en: Referral from the inspector, id: Rujukan dari pengawas}
    exhibits: [wage-slips]
    carries: [slips]
    complete_when: slips
    points: 1
    competency: evidence
    feedback: {en: The slips were not copied., id: Slip gaji tidak disalin.}
    recorded:
      - {when: slips, text: {en: The wage slips were copied., id: Slip gaji sudah disalin.}}
      - {when: not slips, text: {en: No wage slip was copied., id: Tidak ada slip gaji yang disalin.}}
  care-request:
    from: investigator
    to: case-worker
    title: {en: Request for care, id: Permintaan perawatan}
  care-done:
    from: case-worker
    to: investigator
    title: {en: Care arranged, id: Perawatan diatur}
injects:
  - id: threat
    to: investigator
    at: {hours: 4}
    title: {en: A threat, id: Ancaman}
    text: {en: The family is threatened., id: Keluarga diancam.}
    reveal: [threat-message]
    set: {threatened: true}
    expect: {en: Ask LPSK for protection, id: Minta perlindungan LPSK}
  - id: journalist
    to: all
    manual: true
    text: {en: A journalist calls., id: Wartawan menelepon.}
"""

TITLES = {  # stage -> its title; most begin with a preposition, as real cases' do ("At the gate", "Di gerbang")
    "visit": "{en: At the factory gate, id: Di gerbang pabrik}",
    "desk": "{en: In the PPA unit, id: Di Unit PPA}",
    "waiting-care": "{en: While the case worker sees to them, id: Sementara pendamping merawat mereka}",
    "statement": "{en: In the interview room, id: Di ruang pemeriksaan}",
    "intake": "{en: On the phone, id: Lewat telepon}",
    "clinic": "{en: At the clinic, id: Di klinik}",
}


def titled(text: str = MINI_TEAM) -> str:
    """A team case with ``TITLES`` given to its stages (the mini team's stages have none: they are named by their ids)."""
    for stage, title in TITLES.items():
        text = text.replace(f"      {stage}:\n", f"      {stage}:\n        title: {title}\n", 1)
    return text


BEST = {"inspector": [1], "investigator": [1, 1, 1], "case-worker": [1, 1]}
HASTY = {"inspector": [2], "investigator": [2, 1], "case-worker": [1, 1]}

# The case worker who sends the workers home never tells the investigator: he waits for ever (E014).
DEADLOCKED = MINI_TEAM.replace(
    """            to: home
            send: care-done
""",
    """            to: home
""",
)


def write_team(folder: Path, text: str = MINI_TEAM, name: str = "team.yaml") -> Path:
    """Write a team case (with the mini pathway beside it) and return its path."""
    (folder / "pathways").mkdir(parents=True, exist_ok=True)
    (folder / "pathways" / "mini.yaml").write_text(PATHWAY, encoding="utf-8")
    path = folder / name
    path.write_text(dedent(text), encoding="utf-8")
    return path

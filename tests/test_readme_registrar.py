"""The README's registrar commands, in the README's order, on a workstation set up by ``tipcase demo``.

Every command of the README's certificate block is run (each placeholder filled in, each ``[optional]``
part given, each ``a|b`` alternative tried), so a newcomer who follows the README right after
``tipcase demo`` meets no refusal it does not announce. A command added to the block without a way to
run it here fails the test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from tipcase.cli import main
from tipcase.services import certificates
from tipcase.store.database import Database

README = Path(__file__).resolve().parent.parent / "README.md"


def registrar_block() -> list[str]:
    """The commands of the README's sh block that holds ``tipcase certificate issue``, without their comments."""
    for block in re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL):
        if "tipcase certificate issue" in block:
            lines = [line.split("  #")[0].strip() for line in block.splitlines()]
            return [line for line in lines if line.startswith("tipcase")]
    raise AssertionError("the README has no certificate block")


def command_of(line: str) -> str:
    """``tipcase keys init ...`` -> ``keys init``: how the test knows a README line."""
    words = line.split()
    return " ".join(words[1:3]) if words[1] in ("keys", "certificate", "register") else words[1]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_readme_registrar_commands_run_in_order_after_tipcase_demo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    for name, colour in (("logo.png", (20, 60, 120)), ("signature.png", (10, 10, 10))):
        Image.new("RGB", (120, 60), colour).save(tmp_path / name)
    lines = registrar_block()
    serials: list[str] = []
    codes: list[str] = []

    def issued_payload() -> str:
        db = Database(f"sqlite:///{tmp_path / 'home' / 'tipcase.sqlite3'}")
        try:
            with db.reading() as session:
                return str(certificates.get_certificate(session, serials[0]).payload["text"])  # type: ignore[index]
        finally:
            db.dispose()

    def demo() -> None:
        code, out, _ = run(capsys, "demo")
        assert code == 0
        assert "demo-graduate" in out

    def keys_init() -> None:
        code, _, err = run(capsys, "keys", "init")  # the demo made the key: refused, and said why, in one line
        assert code != 0
        assert "exists already" in err
        assert "Traceback" not in err

    def keys_export() -> None:
        assert run(capsys, "keys", "export-public", "-o", "institution.pub")[0] == 0

    def keys_import() -> None:  # on the verifier's workstation
        monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "verifier"))
        try:
            code, out, _ = run(capsys, "keys", "import-public", "institution.pub", "--institution", "Pusdik Reskrim Polri")
            assert code == 0, out
        finally:
            monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))

    def institution() -> None:
        argv = ["certificate", "institution", "--name-en", "Pusdik Reskrim Polri", "--name-id", "Pusdik Reskrim Polri"]
        argv += ["--signatory", "Dr. Ratna Kusumawati", "--title-en", "Head", "--title-id", "Kepala"]
        assert run(capsys, *argv, "--logo", "logo.png", "--signature", "signature.png")[0] == 0

    def issue() -> None:
        argv = ["certificate", "issue", "--user", "demo-graduate", "--course", "demo-prosecutor", "--valid-days", "1095"]
        code, out, err = run(capsys, *argv, "-o", "certificate.pdf")
        assert code == 0, err
        serial, code_ = re.match(r"issued (\S+) \(verification code (\S+)\)", out).groups()  # type: ignore[union-attr]
        serials.append(serial)
        codes.append(code_)
        assert (tmp_path / "certificate.pdf").is_file()

    def batch() -> None:
        argv = ["certificate", "batch", "--cohort", "demo", "--issue", "demo-prosecutor"]
        code, out, err = run(capsys, *argv, "-o", "cohort.pdf", "--zip", "cohort.zip")
        assert code == 0, err
        assert "wrote 1 certificate to" in out
        assert (tmp_path / "cohort.zip").is_file()

    def verify_all(expected: int) -> None:
        for argument in ("certificate.pdf", codes[0], issued_payload()):
            for extra in ([], ["--json"]):
                assert run(capsys, "verify", argument, *extra)[0] == expected, argument
            if argument != codes[0]:  # offline, a code names nothing, and a revocation cannot be seen
                assert run(capsys, "verify", argument, "--offline")[0] == 0, argument

    def revoke() -> None:
        verify_all(0)  # before the README's revoke: valid
        assert run(capsys, "certificate", "revoke", serials[0], "--reason", "issued to the wrong officer")[0] == 0

    def listing() -> None:
        assert run(capsys, "certificate", "list")[0] == 0
        code, out, _ = run(capsys, "certificate", "list", "--json")
        assert code == 0
        assert serials[0] in out

    def auto_issue() -> None:
        for state in ("on", "off", "status"):
            assert run(capsys, "certificate", "auto-issue", state)[0] == 0

    def register_export() -> None:
        for suffix in ("xlsx", "csv", "pdf"):
            assert run(capsys, "register", "export", "--from", "2026-01-01", "--to", "2099-12-31", "-o", f"register.{suffix}")[0] == 0

    def verify() -> None:
        verify_all(11)  # after the README's revoke: REVOKED, exit 11

    steps = {
        "demo": demo,
        "keys init": keys_init,
        "keys export-public": keys_export,
        "keys import-public": keys_import,
        "certificate institution": institution,
        "certificate issue": issue,
        "certificate batch": batch,
        "certificate revoke": revoke,
        "certificate list": listing,
        "certificate auto-issue": auto_issue,
        "register export": register_export,
        "verify": verify,
    }
    assert [command_of(line) for line in lines] == list(steps)  # every README line has its step, in the README's order
    assert "--user demo-graduate --course demo-prosecutor" in lines[list(steps).index("certificate issue")]
    for line in lines:
        steps[command_of(line)]()

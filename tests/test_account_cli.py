"""``tipcase users change-password``, ``deactivate`` and ``reactivate``: a person's own password, and accounts that stop."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tipcase.cli import main


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TIPCASE_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TIPCASE_DATABASE_URL", raising=False)
    main(["demo"])
    return tmp_path / "home"


def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str, password: str, stdin: str = ""
) -> tuple[int, str, str]:
    capsys.readouterr()
    monkeypatch.setenv("TIPCASE_PASSWORD", password)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def sign_in_exit(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, username: str, password: str) -> int:
    """The exit code of ``tipcase users change-password`` tried with ``password``: 4 when the sign-in is refused."""
    return run(capsys, monkeypatch, "users", "change-password", username, "--password-stdin", password=password, stdin="zz-another-one\n")[
        0
    ]


def test_change_password_needs_the_current_one(home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = run(
        capsys, monkeypatch, "users", "change-password", "demo-trainee", "--password-stdin", password="wrong", stdin="new-secret-1\n"
    )
    assert code == 4
    assert "wrong username or password" in err
    code, out, _ = run(
        capsys, monkeypatch, "users", "change-password", "demo-trainee", "--password-stdin", password="demo-trainee", stdin="new-secret-1\n"
    )
    assert code == 0
    assert "changed" in out
    assert sign_in_exit(capsys, monkeypatch, "demo-trainee", "demo-trainee") == 4  # the old one no longer works
    code, _, err = run(
        capsys, monkeypatch, "users", "change-password", "demo-trainee", "--password-stdin", password="new-secret-1", stdin="short\n"
    )
    assert code == 1
    assert "8" in err
    code, _, err = run(
        capsys, monkeypatch, "users", "change-password", "demo-trainee", "--password-stdin", password="new-secret-1", stdin="new-secret-1\n"
    )
    assert code == 2
    assert "same" in err


def test_a_deactivated_account_cannot_sign_in_until_reactivated(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, "users", "deactivate", "demo-trainer", password="")
    assert code == 0
    assert "deactivated" in out
    assert sign_in_exit(capsys, monkeypatch, "demo-trainer", "demo-trainer") == 4
    code, out, _ = run(capsys, monkeypatch, "users", "reactivate", "demo-trainer", password="")
    assert code == 0
    code, _, _ = run(
        capsys,
        monkeypatch,
        "users",
        "change-password",
        "demo-trainer",
        "--password-stdin",
        password="demo-trainer",
        stdin="trainer-secret-2\n",
    )
    assert code == 0


def test_the_last_administrator_is_never_deactivated(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, monkeypatch, "users", "deactivate", "demo-admin", password="")
    assert code == 1
    assert "last active administrator" in err
    code, _, err = run(capsys, monkeypatch, "users", "deactivate", "nobody-here", password="")
    assert code != 0
    assert "nobody-here" in err

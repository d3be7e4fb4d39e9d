"""``tipcase keys``, ``certificate``, ``register export`` and ``verify``: the completion register's command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from tipcase.certificates import register_report
from tipcase.certificates.fields import field_name, readable, signed_fields
from tipcase.certificates.institution import Institution
from tipcase.certificates.pdf import render
from tipcase.certificates.pdf_structure import KINDS
from tipcase.certificates.signing import SigningKeyError, import_public, init_keys, keys_dir, load_private, public_pem, trusted_keys
from tipcase.certificates.verification import EXIT_CODES, HEADLINES, Verdict, Verification, worst
from tipcase.cli.common import UsageError, aligned, input_file, print_json
from tipcase.cli.records_commands import database, operator
from tipcase.cli.verify_words import verdict_lines
from tipcase.messages import counted
from tipcase.services import accounts, certificates, courses, eligibility
from tipcase.store.database import open_database
from tipcase.store.models import AuditEntry, Certificate

EXIT_OK, EXIT_FAILED = 0, 1
VERIFY_EPILOG = """verdicts (exit code):
  VALID (0)            signature valid, in this register, not revoked, in date
  VALID, NOT IN THIS REGISTER (0)
                       signature valid with a key this workstation trusts (another institution's, or --offline);
                       a revocation by its issuer cannot be seen here
  EXPIRED (10)         signature valid, past its 'valid until' date
  REVOKED (11)         in this register, revoked (date and reason shown)
  UNKNOWN (12)         a code not in this register, or a key this workstation does not trust
  ALTERED (13)         the signed data was changed, or the page prints, hides, covers or moves something the
                       signed data does not produce (the fields are named)
  UNREADABLE (14)      not a readable certificate: a damaged code, not a PDF, a page without a certificate code
                       or page record (printed before pages were checked: verify its code instead)
A PDF of several pages exits with its worst page's code. Usage errors exit 2."""


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``keys`` (init, export-public, import-public) and ``certificate`` (issue, batch, revoke, list...) to the parser."""
    keys = commands.add_parser("keys", help="the institution's signing keys")
    key_commands = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    init = key_commands.add_parser("init", help="create the issuing key pair in TIPCASE_HOME/keys")
    init.add_argument("--force", action="store_true", help="replace an existing key (certificates it signed will no longer verify here)")
    init.set_defaults(handler=cmd_keys_init)
    export = key_commands.add_parser("export-public", help="write the public key, for other workstations to import")
    export.add_argument("-o", "--output", metavar="FILE")
    export.set_defaults(handler=cmd_keys_export)
    trust = key_commands.add_parser("import-public", help="trust another issuer's public key on this workstation, for its certificates")
    trust.add_argument("file", metavar="FILE")
    trust.add_argument(
        "--institution",
        required=True,
        metavar="NAME",
        help="the issuer's name as its certificates state it (in English): one this key signs in another institution's name is not valid",
    )
    trust.add_argument("--replace", action="store_true", help="trust a key imported before for another institution for this one instead")
    trust.set_defaults(handler=cmd_keys_import)

    certificate = commands.add_parser("certificate", help="issue, print, revoke and list certificates")
    cert_commands = certificate.add_subparsers(dest="certificate_command", metavar="ACTION", required=True)
    issue = cert_commands.add_parser("issue", help="issue a certificate to a trainee who completed a course")
    issue.add_argument("--user", required=True, metavar="USERNAME")
    issue.add_argument("--course", required=True, metavar="CODE")
    issue.add_argument("--valid-days", type=int, metavar="DAYS", help="expire after this many days (at least 1; leave out for no expiry)")
    issue.add_argument("-o", "--output", metavar="FILE.pdf")
    issue.set_defaults(handler=cmd_issue)
    batch = cert_commands.add_parser(
        "batch", help="print a cohort's certificates (or a date range's) as one PDF, and a ZIP of one PDF each"
    )
    batch.add_argument("--cohort", metavar="NAME")
    batch.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    batch.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    batch.add_argument("--issue", metavar="COURSE", help="first issue COURSE's certificates to every member who completed it")
    batch.add_argument("--valid-days", type=int, metavar="DAYS", help="with --issue: the new certificates expire after this many days")
    batch.add_argument("-o", "--output", required=True, metavar="MERGED.pdf")
    batch.add_argument("--zip", metavar="OUT.zip")
    batch.set_defaults(handler=cmd_batch)
    revoke = cert_commands.add_parser("revoke", help="revoke a certificate")
    revoke.add_argument("serial")
    revoke.add_argument("--reason", required=True)
    revoke.set_defaults(handler=cmd_revoke)
    listing = cert_commands.add_parser("list", help="the register")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--search", default="")
    listing.set_defaults(handler=cmd_list)
    institution = cert_commands.add_parser("institution", help="show or set the issuing institution printed on certificates")
    institution.add_argument("--name-en")
    institution.add_argument("--name-id")
    institution.add_argument("--signatory", help="the signatory's name")
    institution.add_argument("--title-en", help="the signatory's title in English")
    institution.add_argument("--title-id", help="the signatory's title in Bahasa Indonesia")
    institution.add_argument("--legal-basis")
    institution.add_argument("--logo", metavar="PNG")
    institution.add_argument("--signature", metavar="PNG")
    institution.set_defaults(handler=cmd_institution)
    auto = cert_commands.add_parser("auto-issue", help="issue certificates automatically when a trainee completes a course")
    auto.add_argument("state", choices=["on", "off", "status"])
    auto.set_defaults(handler=cmd_auto_issue)

    report = commands.add_parser("register", help="the register report")
    report_commands = report.add_subparsers(dest="register_command", metavar="ACTION", required=True)
    export_report = report_commands.add_parser("export", help="certificates issued in a period, as .csv, .xlsx or .pdf")
    export_report.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD")
    export_report.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD")
    export_report.add_argument("-o", "--output", required=True, metavar="FILE")
    export_report.add_argument(
        "--lang", choices=("en", "id"), default="en", help="the language of the column headers and status words (default: en)"
    )
    export_report.set_defaults(handler=cmd_register_export)

    verify = commands.add_parser(
        "verify",
        help="verify a certificate: a PDF, a verification code or a QR payload (exit 0 only when valid)",
        description="Verify a certificate presented to you. A PDF is checked page by page: its signed data, its "
        "standing in this register, and that the page prints exactly what was signed (re-created and compared, "
        "text and appearance). What the certificate states is always listed as its paper prints it (titles, not ids): "
        "compare it with the paper.",
        epilog=VERIFY_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verify.add_argument("argument", metavar="PDF|CODE|PAYLOAD")
    verify.add_argument("--offline", action="store_true", help="do not consult the register (signature and dates only)")
    verify.add_argument("--json", action="store_true")
    verify.add_argument(
        "--lang",
        choices=("en", "id"),
        default="en",
        help="the language of the verdict and the fields (the paper prints both; default: en)",
    )
    verify.set_defaults(handler=cmd_verify)


def _date(text: str | None, name: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{name}: expected a date as YYYY-MM-DD, got {text!r}") from None


def _refused(exc: SigningKeyError) -> int:
    """A keys command refused by the state of the keys (one exists, none exists, trusted for another name): exit 1.

    As every other refusal of a well-formed command (a service's ServiceError): exit 2 is kept for usage errors.
    """
    print(f"tipcase: error: {exc}", file=sys.stderr)
    return EXIT_FAILED


def cmd_keys_init(args: argparse.Namespace) -> int:
    """``tipcase keys init``: create the issuing key pair in the home's keys folder; exit 1 when a key exists and --force is not given."""
    try:
        ident = init_keys(force=args.force)
    except SigningKeyError as exc:
        return _refused(exc)
    print(f"issuing key {ident} created in {keys_dir()} (keep issuing.key private; export the public key for verifiers)")
    return EXIT_OK


def cmd_keys_export(args: argparse.Namespace) -> int:
    """``tipcase keys export-public``: write the public key as PEM to -o FILE or standard output; exit 1 when there is no issuing key."""
    try:
        pem = public_pem(load_private().public_key())
    except SigningKeyError as exc:
        return _refused(exc)
    if args.output:
        Path(args.output).write_bytes(pem)
        print(
            f"wrote {args.output}: verifiers trust it with 'tipcase keys import-public {args.output} --institution NAME', "
            "NAME as your certificates state it"
        )
    else:
        sys.stdout.write(pem.decode())
    return EXIT_OK


def cmd_keys_import(args: argparse.Namespace) -> int:
    """``tipcase keys import-public FILE``: trust another issuer's Ed25519 public key here.

    Exit 2 when FILE is missing or not a regular file (a usage error); exit 1 when it is refused: not an Ed25519 public key, no
    institution named, or the key trusted already for another institution without --replace.
    """
    path = input_file(args.file)
    try:
        ident = import_public(path.read_bytes(), source=str(path), institution=args.institution, replace=args.replace)
    except SigningKeyError as exc:
        return _refused(exc)
    print(f"trusting key {ident} for the certificates of {' '.join(args.institution.split())}")
    return EXIT_OK


def _write_pdf(session: Any, selected: list[Certificate], target: Path) -> None:
    render(certificates.printable(session, selected), certificates.institution(session), target)


def _valid_days(value: int | None) -> None:
    if value is not None and value < 1:
        raise UsageError(f"--valid-days: a certificate is valid for at least 1 day (got {value}); leave it out for no expiry")


def cmd_issue(args: argparse.Namespace) -> int:
    """``tipcase certificate issue``: issue a user's certificate for a completed course (and write its PDF with -o); exit 0.

    Raises ServiceError (the course not completed, no issuing key, not allowed) for the caller's one-line exit 1.
    """
    _valid_days(args.valid_days)
    with database(args) as db, db.transaction() as session:
        trainee = accounts.get_user(session, args.user)
        course = courses.get_course(session, args.course)
        issued = certificates.issue(session, operator(), trainee, course, valid_for_days=args.valid_days)
        if args.output:
            _write_pdf(session, [issued], Path(args.output))
        serial, code = issued.serial, issued.code
    print(f"issued {serial} (verification code {code})" + (f"; wrote {args.output}" if args.output else ""))
    return EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    """``tipcase certificate batch``: issue for a cohort (--issue COURSE), or print into one PDF the certificates of a cohort or date range.

    With --issue, says how many were issued and each member left out with why. Exit 0; exit 1 when nothing is
    there to print (nothing written); exit 2 (one line) on a missing --cohort or date range, a bad date, or
    --valid-days without --issue.
    """
    if args.cohort is None and args.date_from is None:
        raise UsageError("name a --cohort, or a date range with --from (and --to)")
    date_from, date_to = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    _valid_days(args.valid_days)
    if args.valid_days is not None and not args.issue:
        raise UsageError("--valid-days goes with --issue")
    with database(args) as db:
        if args.issue:
            if args.cohort is None:
                raise UsageError("--issue needs --cohort")
            with db.transaction() as session:
                course = courses.get_course(session, args.issue)
                issued = certificates.issue_for_cohort(session, operator(), args.cohort, course, valid_for_days=args.valid_days)
                _print_cohort_issue(session, args.cohort, course, issued)
        with db.reading() as session:
            selected = [
                c
                for c in certificates.register(session, operator(), issued_from=date_from, issued_to=date_to, cohort=args.cohort)
                if c.revoked_at is None
            ]
            if not selected:  # asked rightly, but nothing to print: a failure to report (1), not a usage error (2)
                where = f"cohort {args.cohort}" if args.cohort is not None else "that period"
                print(f"tipcase: nothing to print: {where} holds no valid certificate, so {args.output} was not written", file=sys.stderr)
                return EXIT_FAILED
            pages = certificates.printable(session, selected)
            institution = certificates.institution(session)
    target = Path(args.output)
    total = len(pages)

    def progress(done: int, _total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    certificates.write_pdfs(pages, institution, target, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.zip:
        certificates.write_pdfs(pages, institution, Path(args.zip), as_zip=True)
    print(f"wrote {counted(total, 'certificate')} to {target}" + (f" and {args.zip}" if args.zip else ""))
    return EXIT_OK


def _print_cohort_issue(session: Any, cohort: str, course: Any, issued: list[Certificate]) -> None:
    """How many were issued, and each member left out with why (the sentence of ``Eligibility``)."""
    count = len(issued)
    print(f"issued {counted(count, 'new certificate')}")
    given = {c.user_id for c in issued}
    members = [m for m in courses.get_cohort(session, cohort).members if m.id not in given]
    for member, standing in eligibility.cohort_standings(session, members, course):
        print(f"  left out: {member.full_name}: {standing.sentence(member.username, course.code)}")


def cmd_revoke(args: argparse.Namespace) -> int:
    """``tipcase certificate revoke SERIAL --reason TEXT``: revoke a certificate (audited; the register shows it at once); exit 0."""
    with database(args) as db, db.transaction() as session:
        certificates.revoke(session, operator(), args.serial, args.reason)
    print(f"revoked {args.serial}")
    return EXIT_OK


def _row(certificate: Certificate, today: dt.date) -> dict[str, Any]:
    return {
        "serial": certificate.serial,
        "code": certificate.code,
        "username": certificate.user.username,
        "course": certificate.course.code,
        "issued": certificate.issued_at.date().isoformat(),
        "expires": certificate.expires_at.date().isoformat() if certificate.expires_at else None,
        "revoked": certificate.revoked_at.date().isoformat() if certificate.revoked_at else None,
        "status": certificates.status_on(certificate, today),
    }


def cmd_list(args: argparse.Namespace) -> int:
    """``tipcase certificate list``: the register (optionally searched), one line per certificate or a JSON list with --json; exit 0."""
    with database(args) as db, db.reading() as session:
        today = dt.date.today()
        rows = [_row(c, today) for c in certificates.register(session, operator(), search=args.search)]
    if args.json:
        print_json(rows)
    elif not rows:  # said, so an empty register is not mistaken for a command that did nothing
        searched = f" matches {args.search.strip()!r}" if args.search.strip() else " is in the register yet"
        print(f"no certificate{searched}", file=sys.stderr)
    else:
        lines = [
            [
                row["serial"],
                row["code"],
                row["username"],
                row["course"],
                row["issued"],
                {"revoked": f"revoked {row['revoked']}", "expired": f"expired {row['expires']}"}.get(row["status"], "valid"),
            ]
            for row in rows
        ]
        for line in aligned(lines):
            print(line)
    return EXIT_OK


def cmd_institution(args: argparse.Namespace) -> int:
    """``tipcase certificate institution``: show or change the issuer (names, signatory, legal basis, logo, signature); exit 0."""
    with database(args) as db, db.transaction() as session:
        current = certificates.institution(session)
        changes = {
            "name": {**current.name, **({"en": args.name_en} if args.name_en else {}), **({"id": args.name_id} if args.name_id else {})},
            "signatory_name": args.signatory if args.signatory is not None else current.signatory_name,
            "signatory_title": {
                **current.signatory_title,
                **({"en": args.title_en} if args.title_en else {}),
                **({"id": args.title_id} if args.title_id else {}),
            },
            "legal_basis": args.legal_basis or current.legal_basis,
            "logo_png": _image(args.logo) if args.logo else current.logo_png,
            "signature_png": _image(args.signature) if args.signature else current.signature_png,
        }
        updated = Institution(**changes)  # type: ignore[arg-type]
        if updated != current:
            certificates.configure_institution(session, operator(), updated)
    print(f"{updated.name.get('en')} / {updated.name.get('id')}; signatory: {updated.signatory_name or '(none)'}")
    return EXIT_OK


def _image(path_text: str) -> bytes:
    path = input_file(path_text)
    data = path.read_bytes()
    if not data.startswith(b"\x89PNG"):
        raise UsageError(f"{path}: expected a PNG image")
    return data


def cmd_auto_issue(args: argparse.Namespace) -> int:
    """``tipcase certificate auto-issue on|off|status``: whether completing a course issues its certificate at once; exit 0."""
    with database(args) as db, db.transaction() as session:
        if args.state != "status":
            certificates.set_auto_issue(session, operator(), args.state == "on")
        enabled = certificates.auto_issue_enabled(session)
    print(f"automatic issue is {'on' if enabled else 'off'}")
    return EXIT_OK


def cmd_register_export(args: argparse.Namespace) -> int:
    """``tipcase certificate register --from --to -o FILE``: the register of a period as .csv, .xlsx or .pdf; exit 2 for another suffix."""
    date_from, date_to = _date(args.date_from, "--from"), _date(args.date_to, "--to")
    if date_from is None or date_to is None:  # pragma: no cover - argparse requires both
        raise UsageError("--from and --to are required")
    target = Path(args.output)
    if target.suffix.lower() not in (".csv", ".xlsx", ".pdf"):
        raise UsageError(f"{target.name}: the register exports as .csv, .xlsx or .pdf")
    with database(args) as db, db.reading() as session:
        rows = certificates.report_rows(session, operator(), date_from, date_to)
        entries = session.scalar(select(func.count(AuditEntry.id))) or 0
        name = certificates.institution(session).name.get("en", "TIPCase")
    register_report.write(rows, target, period=(date_from, date_to), institution=name, audit_entries=entries, language=args.lang)
    print(f"wrote {counted(len(rows), 'certificate')} to {target}")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    """``tipcase certificate verify PDF|PAYLOAD|CODE``: verify against the register (or --offline, signature and dates only).

    Prints a line per page (or JSON with --json); the exit code is the worst verdict's (``verification.EXIT_CODES``: 0 valid,
    10 expired, 11 revoked, 12 unknown, 13 altered, 14 unreadable).
    """
    if args.argument.lower().endswith(".pdf"):
        input_file(args.argument)
    trusted = trusted_keys()
    if args.offline:
        results = certificates.verify_any(args.argument, trusted, None)
    else:
        db = open_database(args.database)
        try:
            with db.reading() as session:
                results = certificates.verify_any(args.argument, trusted, session)
        finally:
            db.dispose()
    if args.json:
        print_json([r.as_json() for r in results])
    else:
        for result in results:
            if args.lang == "en":
                _print_verification(result, args.lang)
            else:  # the whole verdict in the language asked for, as the app says it
                print("\n".join(verdict_lines(result, args.lang)))
    return worst(results).exit_code if results else EXIT_CODES[Verdict.UNREADABLE]


def _print_verification(result: Verification, language: str = "en") -> None:
    """The verdict, what was checked, what differs, and every signed field for comparing with the paper."""
    page = f"page {result.page}: " if result.page is not None and not result.message.startswith("page") else ""
    print(f"{HEADLINES[result.verdict]}: {page}{result.message}")
    by_field: dict[str, list[str]] = {}
    for difference in result.differences:
        what = difference.kind
        if difference.kind == "text":
            what += f" (signed “{readable(difference.signed)}”, on the page “{readable(difference.found)}”)"
        elif difference.kind == "hidden text":
            what += f" (“{readable(difference.found)}”)"
        elif difference.kind == "page":
            what = f"{difference.signed} changed"
        elif difference.field == "document":
            what = f"{KINDS.get(difference.kind, difference.kind)} ({difference.found})"
        elif difference.kind in ("layer", "marked content"):
            what = f"put in {difference.kind} ({difference.found})"
        name = field_name(difference.field, result.titles)
        if difference.where:
            name += f" ({difference.where[0]} mm from the left, {difference.where[1]} mm from the top)"
        by_field.setdefault(name, []).append(what)
    for name, whats in by_field.items():
        print(f"  differs: {name}: {'; '.join(whats)}")
    if result.data is not None:
        print("  what the certificate states (signed; the paper must show the same):")
        rows = signed_fields(result.data, result.record, language)
        width = max(len(label) for label, _ in rows)
        for label, value in rows:
            print(f"    {label:<{width}}  {value}")
        if result.key_id:
            print(f"    {'Signing key':<{width}}  {result.key_id}")

"""Every refusal the core raises reaches a person in their language: each is a marked template, never an f-string.

The app shows a service's refusal (``ServiceError`` and its kinds: ``PermissionDenied``, ``NotFound``,
``SignInError``, ``TableError``...) in the interface language by translating its template
(``tipcase.messages``, ``ui.errors.core_text``); a message built as an f-string cannot be translated, so it
stayed English under Bahasa Indonesia. This scan reads the core's sources (as ``lupdate`` does) and fails on
any raise of those classes whose message is not ``QT_TRANSLATE_NOOP("core", "...")`` with keyword
parameters, or another error's message carried whole (``Error.carrying(exc)``); a count's message is its two
marked English forms, ``one_or_many(count, QT_TRANSLATE_NOOP("core", "... 1 attempt ..."), QT_TRANSLATE_NOOP(...))``.

Left to their owners: ``tipcase/importers/`` (the importers' warnings) and ``tipcase/services/demo.py``;
``EditError`` (the editor's validator findings, said in the form's words elsewhere).
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

import tipcase

CORE = Path(tipcase.__file__).parent
ROOTS = {"MessageError"}  # tipcase.messages: every error with a template
NOT_HERE = {"EditError"}  # the editor's refusals: the validator's findings in the form's words
LEFT_TO_OWNERS = ("importers/", "services/demo.py")


def _sources() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(CORE.rglob("*.py"))}


def _message_errors(trees: dict[Path, ast.Module]) -> set[str]:
    """The names of every class in the core derived (at any depth) from MessageError, less NOT_HERE's."""
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
    found = set(ROOTS)
    while True:
        more = {name for name, of in bases.items() if of & found and name not in found and name not in NOT_HERE}
        if not more:
            return found - ROOTS
        found |= more


def _called_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _fault(call: ast.Call, errors: set[str]) -> str | None:
    """Why this raise's message cannot be translated, or None when it is a marked template (or carried whole)."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "carrying" and _called_name(func.value) in errors:
        return None if len(call.args) == 1 and not call.keywords else "carrying() takes the one error carried"
    if _called_name(func) not in errors:
        return None
    if not call.args:
        return None
    first = call.args[0]
    forms = [first]  # a count's message: one_or_many(count, QT_TRANSLATE_NOOP(...one...), QT_TRANSLATE_NOOP(...many...))
    if isinstance(first, ast.Call) and _called_name(first.func) == "one_or_many":
        if len(first.args) != 3:
            return "one_or_many takes the count and the two marked forms"
        forms = first.args[1:]
    given = {k.arg for k in call.keywords if k.arg is not None}
    for form in forms:
        if not (isinstance(form, ast.Call) and _called_name(form.func) == "QT_TRANSLATE_NOOP"):
            return "its message is not QT_TRANSLATE_NOOP('core', '...')"
        marked = form.args
        if len(marked) != 2 or not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in marked):
            return "QT_TRANSLATE_NOOP needs two literal strings (lupdate reads only literals)"
        if marked[0].value != "core":  # type: ignore[attr-defined]
            return "the context is not 'core'"
        fields = {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(marked[1].value) if name}  # type: ignore[attr-defined]
        if any(k.arg is None for k in call.keywords):
            return None  # **params: checked when raised
        if fields != given:
            return f"the template's fields {sorted(fields)} are not the parameters given {sorted(given)}"
    if len(call.args) > 1:
        return "parameters go by keyword"
    return None


def test_every_refusal_the_core_raises_is_a_translatable_template() -> None:
    trees = _sources()
    errors = _message_errors(trees)
    assert {"ServiceError", "PermissionDenied", "NotFound", "SignInError", "TableError"} <= errors
    faults = []
    scanned = 0
    for path, tree in trees.items():
        relative = path.relative_to(CORE).as_posix()
        if relative.startswith(LEFT_TO_OWNERS):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                if _called_name(node.exc.func) in errors or _called_name(node.exc.func) == "carrying":
                    scanned += 1
                fault = _fault(node.exc, errors)
                if fault is not None:
                    faults.append(f"tipcase/{relative}:{node.lineno}: {fault}: {ast.unparse(node.exc)[:100]}")
    assert scanned > 150  # the scan sees the core's refusals
    assert not faults, "\n".join(faults)


def test_the_scan_knows_a_counts_two_forms_from_a_bare_one() -> None:
    errors = {"ServiceError"}

    def fault(source: str) -> str | None:
        raised = ast.parse(source).body[0]
        assert isinstance(raised, ast.Raise)
        assert isinstance(raised.exc, ast.Call)
        return _fault(raised.exc, errors)

    one, many = 'QT_TRANSLATE_NOOP("core", "{count} attempt")', 'QT_TRANSLATE_NOOP("core", "{count} attempts")'
    assert fault(f"raise ServiceError(one_or_many(n, {one}, {many}), count=n)") is None
    assert fault(f'raise ServiceError(one_or_many(n, {one}, "{{count}} attempts"), count=n)') is not None
    assert fault(f'raise ServiceError(one_or_many(n, {one}, QT_TRANSLATE_NOOP("core", "{{n}} attempts")), count=n)') is not None

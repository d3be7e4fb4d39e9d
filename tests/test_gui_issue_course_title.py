"""The issue dialogs name the course as its certificate prints it, and say the app's title beside it when the two
differ (a registrar read "Victim-centred case handling" above a course box that said "Victim-centred handling of
TIP and GBV cases" and took it for a mistake); when they are the same, the title once."""

from __future__ import annotations

import pytest

from tipcase.services.registrar_desktop import CourseChoice, Signatory

from ui.i18n import Translations
from ui.pages.issue_dialogs import IssueWords

SIGNATORY = Signatory(institution={"en": "Academy"}, name="Dewi Anggraini, S.H.", title={"en": "Director"}, named=True, has_picture=False)


@pytest.fixture(autouse=True)
def in_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The interface in English, whatever language an earlier test in this process left installed."""
    Translations().apply("en")


def course(certificate_title: str) -> CourseChoice:
    return CourseChoice(
        course_id=1,
        code="demo",
        title={"en": "Victim-centred handling of TIP and GBV cases"},
        certificate_title={"en": certificate_title},
        cases=({"en": "Coming home"},),
        pass_rule="all",
        pass_mean=None,
    )


@pytest.mark.gui
def test_a_certificate_title_of_its_own_is_shown_with_the_apps_title(qtbot) -> None:  # type: ignore[no-untyped-def]
    words = IssueWords()
    summary = words.summary(lambda value: value["en"], course("Victim-centred case handling"), SIGNATORY)
    assert (
        "The course as <b>Victim-centred case handling</b> (its title on certificates; "
        "in the app it is “Victim-centred handling of TIP and GBV cases”)." in summary
    )


@pytest.mark.gui
def test_the_same_title_is_said_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    summary = IssueWords().summary(lambda value: value["en"], course("Victim-centred handling of TIP and GBV cases"), SIGNATORY)
    assert "The course as <b>Victim-centred handling of TIP and GBV cases</b>." in summary
    assert "in the app" not in summary

"""The few interface strings of the terminal player, in English and Bahasa Indonesia.

The desktop app translates its interface with Qt's translation files; the core's terminal player
uses this small catalogue so that a trainee reads it in the language chosen with ``--lang``.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "content_warning": {"en": "Content warning", "id": "Peringatan konten"},
    "press_enter": {"en": "Press Enter to begin, or q to stop.", "id": "Tekan Enter untuk mulai, atau q untuk berhenti."},
    "case_clock": {"en": "Case clock: {hours} h", "id": "Waktu kasus: {hours} jam"},
    "case_file": {"en": "Added to the case file", "id": "Ditambahkan ke berkas perkara"},
    "media_file": {"en": "The file itself: {path}", "id": "Berkasnya sendiri: {path}"},
    "your_choice": {"en": "Your choice (1-{n}, q to stop): ", "id": "Pilihan Anda (1-{n}, q untuk berhenti): "},
    "not_offered": {"en": "Type a number from 1 to {n}.", "id": "Ketik angka 1 sampai {n}."},
    "debrief": {"en": "Debrief", "id": "Evaluasi"},
    "outcome": {"en": "Outcome", "id": "Hasil"},
    "score": {"en": "Score", "id": "Nilai"},
    "pass_mark": {"en": "pass mark", "id": "batas lulus"},
    "passed": {"en": "PASSED", "id": "LULUS"},
    "not_passed": {"en": "NOT PASSED", "id": "TIDAK LULUS"},
    "incomplete": {"en": "Not finished", "id": "Belum selesai"},
    "critical": {"en": "Critical errors", "id": "Kesalahan kritis"},
    "rules": {"en": "Pathway rules broken", "id": "Aturan jalur rujukan yang dilanggar"},
    "off_pathway": {"en": "Off-pathway referrals", "id": "Rujukan di luar jalur"},
    "decisions": {"en": "Your decisions", "id": "Keputusan Anda"},
    "reference": {"en": "Reference", "id": "Rujukan hukum"},
    "success": {"en": "success", "id": "berhasil"},
    "partial": {"en": "partial", "id": "sebagian"},
    "failure": {"en": "failure", "id": "gagal"},
}


def message(key: str, language: str, **values: object) -> str:
    """A catalogue string in ``language`` (English when it has none), formatted with ``values``."""
    texts = MESSAGES[key]
    return texts.get(language, texts["en"]).format(**values)

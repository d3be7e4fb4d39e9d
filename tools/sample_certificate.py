"""Makes docs/sample/certificate.pdf and its PNG: the demo trainee's certificate from an example institution.

The logo and the signature are drawn here (clearly an example emblem and scrawl), to show where an
institution's own images go. Needs pdftoppm (poppler-utils) for the PNG.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen  # noqa: E402

from tests.records import BEST, CASE, play_through  # noqa: E402
from tipcase.certificates.pdf import Institution, render  # noqa: E402
from tipcase.certificates.signing import init_keys  # noqa: E402
from tipcase.services import accounts, certificates, courses  # noqa: E402
from tipcase.services.demo import seed_demo  # noqa: E402
from tipcase.store.database import open_database  # noqa: E402


def png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def emblem() -> bytes:
    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#8c6b1f"), 14))
    painter.setBrush(QColor("#1a2a4d"))
    painter.drawEllipse(QRectF(20, 20, 360, 360))
    painter.setPen(QColor("#e9d8a6"))
    font = QFont("DejaVu Sans", 46, QFont.Weight.Bold)
    painter.setFont(font)
    painter.drawText(QRectF(20, 120, 360, 100), Qt.AlignmentFlag.AlignCenter, "CONTOH")
    painter.setFont(QFont("DejaVu Sans", 22))
    painter.drawText(QRectF(20, 210, 360, 60), Qt.AlignmentFlag.AlignCenter, "EXAMPLE")
    painter.end()
    return png(image)


def signature() -> bytes:
    image = QImage(600, 190, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#142a5c"), 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    path = QPainterPath(QPointF(30, 130))
    path.cubicTo(QPointF(90, 10), QPointF(130, 180), QPointF(190, 70))
    path.cubicTo(QPointF(230, 20), QPointF(260, 160), QPointF(320, 90))
    path.cubicTo(QPointF(360, 50), QPointF(420, 150), QPointF(480, 80))
    path.lineTo(QPointF(570, 60))
    painter.drawPath(path)
    painter.end()
    return png(image)


def main() -> None:
    QGuiApplication([])
    out = ROOT / "docs" / "sample"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["TIPCASE_HOME"] = folder
        init_keys(Path(folder))
        db = open_database(f"sqlite:///{folder}/sample.sqlite3")
        with db.transaction() as session:
            seed_demo(session, scenarios=[CASE])
            admin = accounts.get_user(session, "demo-admin")
            certificates.configure_institution(
                session,
                admin,
                Institution(
                    {"en": "Police Education and Training Centre (example)", "id": "Pusat Pendidikan dan Pelatihan Polri (contoh)"},
                    "Dr. Ayu Kartika Sari, M.Si. (example)",
                    {"en": "Head of Training", "id": "Kepala Bidang Pelatihan"},
                    logo_png=emblem(),
                    signature_png=signature(),
                ),
            )
        play_through(db, "demo-trainee", BEST)
        with db.transaction() as session:
            registrar = accounts.get_user(session, "demo-registrar")
            issued = certificates.issue(
                session, registrar, accounts.get_user(session, "demo-trainee"), courses.get_course(session, "demo"), valid_for_days=3 * 365
            )
            render(certificates.printable(session, [issued]), certificates.institution(session), out / "certificate.pdf")
        db.dispose()
    subprocess.run(["pdftoppm", "-r", "110", "-png", "-singlefile", str(out / "certificate.pdf"), str(out / "certificate")], check=True)
    print(out / "certificate.pdf", out / "certificate.png")


if __name__ == "__main__":
    main()

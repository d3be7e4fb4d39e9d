"""Draws the bundled cases' exhibit images (fictional documents), so they can be remade and reviewed as code.

Usage: python tools/make_media.py   (writes scenarios/media/*.png; offscreen, no display needed)

The brochure of the fake-internship case is drawn as the students saw it, in Indonesian; the exhibit's
text in the scenario transcribes it in both languages. Every name on it is invented.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QLinearGradient, QPainter, QPen  # noqa: E402

WIDTH, HEIGHT = 820, 1100


def _font(family: str, size: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPixelSize(int(size))
    font.setBold(bold)
    return font


def brochure(target: Path) -> None:
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(ROOT / "resources/fonts/DejaVuSans.ttf")))[0]
    QFontDatabase.addApplicationFont(str(ROOT / "resources/fonts/DejaVuSans-Bold.ttf"))
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("#fbfaf7"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    band = QLinearGradient(0, 0, WIDTH, 260)
    band.setColorAt(0, QColor("#0b3d91"))
    band.setColorAt(1, QColor("#1f6fd1"))
    painter.fillRect(0, 0, WIDTH, 260, band)
    for index, colour in enumerate(("#ffcc00", "#ffffff", "#ffcc00")):  # a made-up "EU-style" ring of stars
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(QRectF(WIDTH - 150 + index * 34, 40, 22, 22))
    painter.setPen(QColor("#ffffff"))
    painter.setFont(_font(family, 22, True))
    painter.drawText(QRectF(40, 30, WIDTH - 240, 40), "EUROLINK INTERNSHIP PROGRAM")
    painter.setFont(_font(family, 46, True))
    painter.drawText(QRectF(40, 80, WIDTH - 80, 120), Qt.TextFlag.TextWordWrap, "MAGANG INTERNASIONAL DI EROPA")
    painter.setFont(_font(family, 22))
    painter.drawText(QRectF(40, 200, WIDTH - 80, 40), "Program resmi untuk mahasiswa semester 5 ke atas")
    painter.setPen(QColor("#0b3d91"))
    painter.setFont(_font(family, 30, True))
    painter.drawText(QRectF(40, 300, WIDTH - 80, 50), "✓  Dapat 20 SKS")
    painter.drawText(QRectF(40, 360, WIDTH - 80, 50), "✓  Penghasilan EUR 1.500 / bulan")
    painter.drawText(QRectF(40, 420, WIDTH - 80, 50), "✓  Kerja sama resmi dengan kampus Anda")
    painter.drawText(QRectF(40, 480, WIDTH - 80, 50), "✓  Berangkat 3 bulan lagi!")
    painter.setPen(QPen(QColor("#d0d0d0"), 2))
    painter.drawLine(40, 560, WIDTH - 40, 560)
    painter.setPen(QColor("#222222"))
    painter.setFont(_font(family, 22, True))
    painter.drawText(QRectF(40, 590, WIDTH - 80, 40), "Tidak punya biaya? Tenang!")
    painter.setFont(_font(family, 21))
    painter.drawText(
        QRectF(40, 635, WIDTH - 80, 150),
        Qt.TextFlag.TextWordWrap,
        "Tersedia pinjaman talangan melalui mitra keuangan kami untuk tiket, visa, penempatan dan pelatihan. "
        "Dicicil langsung dari gaji magang Anda.",
    )
    painter.fillRect(QRectF(40, 800, WIDTH - 80, 150), QColor("#fff4cc"))
    painter.setPen(QColor("#7a5b00"))
    painter.setFont(_font(family, 24, True))
    painter.drawText(QRectF(60, 815, WIDTH - 120, 40), "Kuota terbatas: daftar minggu ini")
    painter.setFont(_font(family, 20))
    painter.drawText(QRectF(60, 860, WIDTH - 120, 80), Qt.TextFlag.TextWordWrap, "Sosialisasi di Aula Rektorat, Kamis pukul 09.00")
    painter.setPen(QColor("#777777"))
    painter.setFont(_font(family, 16))
    painter.drawText(
        QRectF(40, 990, WIDTH - 80, 80),
        Qt.TextFlag.TextWordWrap,
        "PT Eurolink Edukasi Global · WA 0812-0000-0000 · eurolink-magang.example\n"
        "Contoh fiktif untuk pelatihan TIPCase. Semua nama dan nomor dikarang.",
    )
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"cannot write {target}")
    print(target.relative_to(ROOT))


def main() -> None:
    QGuiApplication(sys.argv[:1])
    brochure(ROOT / "scenarios" / "media" / "fake-internship-brochure.png")


if __name__ == "__main__":
    main()

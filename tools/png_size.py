"""Keep the README's screenshots small: a window grab saved as a 256-colour PNG (a third of the bytes).

Interface pictures have few colours; without dithering the text stays as sharp as in the grab. Pillow
comes with reportlab. Usage from a tool: ``save_small(widget.grab(), path)``.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPixmap


def save_small(picture: QPixmap, path: Path) -> None:
    """Write ``picture`` to ``path`` as a PNG of at most 256 colours (median cut, no dithering), optimised."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data().data()))).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(path, optimize=True)

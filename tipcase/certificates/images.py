"""The institution's logo and signature pictures in the one form a certificate prints them.

A certificate's page record signs a digest of each picture, so a verifier can tell the printed
picture is the one that was signed. For that the picture must reach the PDF pixel for pixel: it is
flattened onto white (a certificate prints on white paper, so nothing changes to the eye), made RGB
and at most ``MAX_SIDE`` pixels on its longer side, once, when a certificate is issued; the result is
stored as PNG (lossless), so every reprint embeds exactly those pixels. reportlab embeds an RGB
picture as its raw pixel rows, which is what pdfium hands back when the PDF is read
(``tipcase.certificates.page_check``), so the digest is computed the same way on both sides.
"""

from __future__ import annotations

import functools
import hashlib
import io

from PIL import Image, UnidentifiedImageError

MAX_SIDE = 1200  # pixels: 26 mm at 1,200 dpi, more than any printer resolves


class PictureError(ValueError):
    """Bytes that are not a picture Pillow can read: one line for the user."""


def canonical(data: bytes) -> Image.Image:
    """The picture as a certificate prints it: RGB on white, at most MAX_SIDE pixels a side.

    Idempotent: the PNG of a canonical picture is canonical already. Raises PictureError.
    """
    return _canonical(data).copy()


@functools.lru_cache(maxsize=16)
def _canonical(data: bytes) -> Image.Image:
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            picture = opened.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise PictureError(f"not a readable picture ({exc})") from None
    if max(picture.size) > MAX_SIDE:
        picture.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    white = Image.new("RGBA", picture.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, picture).convert("RGB")


def canonical_png(data: bytes) -> bytes:
    """The canonical picture as PNG bytes (what the register stores for reprints)."""
    return png(canonical(data))


def png(picture: Image.Image) -> bytes:
    """``picture`` as PNG bytes (lossless: a reprint embeds exactly these pixels, whose digest the page record signs)."""
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def pixel_digest(width: int, height: int, rgb: bytes) -> str:
    """SHA-256 (hex, first 32 digits) of an RGB picture's size and raw pixel rows."""
    return hashlib.sha256(f"RGB {width} {height} ".encode() + rgb).hexdigest()[:32]


@functools.lru_cache(maxsize=8)
def digest(data: bytes) -> str:
    """The digest of a picture (PNG or any format Pillow reads) as a certificate prints it.

    Remembered for the last few pictures: a batch of certificates names the same logo and signature on
    every page. Raises PictureError as ``canonical`` does.
    """
    picture = _canonical(data)
    return pixel_digest(picture.width, picture.height, picture.tobytes())


def from_pixels(width: int, height: int, rgb: bytes) -> bytes:
    """PNG bytes of raw RGB rows read back from a PDF (to draw the expected page with)."""
    return png(Image.frombytes("RGB", (width, height), rgb))

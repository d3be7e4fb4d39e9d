"""A certificate's QR code: encoded once by segno when the certificate is issued, drawn from what it encoded.

segno (``segno.make(payload, error="m")``) chooses the mask pattern as the QR standard says, by scoring
all eight (ISO/IEC 18004:2015, 7.8.3): that choice is most of the cost of a code (about 30 ms for a
certificate's 543-character payload, version 18), and the error correction and module placement most
of the rest (about 7 ms). Issuing a certificate encodes its payload once (``encode``) and keeps both
what segno chose: the mask in the signed page record (``PageRecord.qr_mask``), so a page re-created
years later, by another segno, is drawn with the same mask; and the modules themselves beside the
signed texts in the register (``EncodedQr.stored``: ``{"mask": m, "modules": base64 of zlib of one
byte a module, row by row, "text": SHA-256 hex of the encoded payload's UTF-8}``), so printing draws
them without encoding again.

The stored modules are not signed: a page is drawn from them only when their mask is the record's,
their size a QR code's and their ``"text"`` the digest of the payload being printed
(``EncodedQr.from_stored``), so modules kept for another payload (a payload since changed, or a register
row copied from another certificate with the same mask) are never drawn: the code is encoded again. Rows
kept before the digest was stored have none and are encoded again too. A page printed from altered
modules no longer matches the page a verifier re-creates with segno from the signed data (``tipcase
verify`` re-creates every page that way, never from the register's modules).

``draw`` puts the code on a reportlab canvas as one filled path of horizontal runs of dark modules
(not a rectangle per module), with the same path text whichever way the modules came.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import re
import zlib
from collections.abc import Sequence
from typing import Any

import segno
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

QUIET = 2  # modules of white margin drawn around the code inside its box
_DARK_RUN = re.compile(rb"\x01+")
_MAX_SIDE = 177  # version 40


@dataclasses.dataclass(frozen=True)
class EncodedQr:
    """A QR code as segno encoded it: its mask (0-7), its modules (one byte, 0 or 1, each, row by row) and its payload's digest."""

    mask: int
    size: int  # modules a side (21 to 177)
    modules: bytes  # size * size bytes
    digest: str  # text_digest(payload): SHA-256 hex of the encoded payload's UTF-8

    def rows(self) -> list[bytes]:
        """The modules row by row, top first (1 dark, 0 light)."""
        return [self.modules[start : start + self.size] for start in range(0, self.size * self.size, self.size)]

    def stored(self) -> dict[str, Any]:
        """What the register keeps beside the signed texts (JSON): the mask, the modules packed and the payload's digest."""
        return {"mask": self.mask, "modules": base64.b64encode(zlib.compress(self.modules, 9)).decode("ascii"), "text": self.digest}

    def encodes(self, payload: str) -> bool:
        """Whether these are the modules encoded from ``payload`` (by the digest kept with them)."""
        return self.digest == text_digest(payload)

    @classmethod
    def from_stored(cls, stored: object, payload: str, mask: int | None) -> EncodedQr | None:
        """The code kept by ``stored``, when it is one for ``payload`` (by its digest) and ``mask`` (the page record's).

        None otherwise, then the caller encodes again: no digest (kept before digests were), another
        payload's digest, another mask, or modules that are not a QR code's (damaged or not base64).
        """
        if mask is None or not isinstance(stored, dict) or stored.get("mask") != mask or not isinstance(stored.get("modules"), str):
            return None
        digest = text_digest(payload)
        if stored.get("text") != digest:
            return None
        try:
            modules = zlib.decompress(base64.b64decode(stored["modules"], validate=True))
        except (binascii.Error, zlib.error, ValueError):
            return None
        side = int(len(modules) ** 0.5)
        if side * side != len(modules) or not 21 <= side <= _MAX_SIDE or (side - 17) % 4 or modules.translate(None, b"\x00\x01"):
            return None
        return cls(mask, side, modules, digest)


def text_digest(payload: str) -> str:
    """SHA-256 hex (64 characters) of ``payload``'s UTF-8: what ties kept modules to the payload they encode."""
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def encode(payload: str, mask: int | None = None) -> EncodedQr:
    """``payload`` as segno encodes it (error correction level M), with the mask segno chooses unless ``mask`` is given."""
    code = segno.make(payload, error="m", micro=False, mask=mask)
    return EncodedQr(int(code.mask), len(code.matrix), b"".join(bytes(row) for row in code.matrix), text_digest(payload))


def choose_mask(payload: str) -> int:
    """The mask pattern segno chooses for ``payload`` (the best one by the QR standard's penalty score)."""
    return encode(payload).mask


def draw(canvas: Canvas, rows: Sequence[bytes], box: tuple[float, float, float]) -> None:
    """Draw modules (``EncodedQr.rows``) as one filled path of horizontal runs; ``box`` is x, y and the side, in points."""
    x, y, size = box
    side = len(rows)
    module = size / (side + 2 * QUIET)
    # fp_str formats each number on its own, so a run's "x y w h re" is made from numbers formatted once per code
    lefts = [fp_str(x + (start + QUIET) * module) for start in range(side)]
    widths = [fp_str(length * module) for length in range(side + 1)]
    height = fp_str(module)
    code = ["n"]
    for row_index, row in enumerate(rows):
        top = fp_str(y + size - (row_index + QUIET + 1) * module)
        code.extend(
            f"{lefts[start]} {top} {widths[end - start]} {height} re" for start, end in (run.span() for run in _DARK_RUN.finditer(row))
        )
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(PDFPathObject(code=code), stroke=0, fill=1)

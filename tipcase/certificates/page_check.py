"""Compare a presented certificate page with the page its signed data produces, and name what differs.

Three comparisons, each with pdfium (pypdfium2, a wheel on every platform):

- **text**: every character on the page, from every text object, with its position, size, font,
  render mode (invisible text included) and colours (white text included), against the expected
  page's characters. Anything added, removed or moved differs; covered text is still text on the page.
- **objects**: every other drawing object (paths, pictures, shadings, forms), with its box, colours and,
  for a picture, the digest of its pixels; a white box or an extra picture differs.
- **marked content**: objects inside marked content the expected page does not have, above all an
  optional content group (``/OC``: a layer a viewer may hide on screen or on paper, which pdfium
  draws whatever its state), named by the field they cover.
- **appearance**: both pages rasterised at ``SCALE`` and compared pixel by pixel (any channel off by more
  than ``THRESHOLD``), which catches what the eye sees however it was drawn (annotations, clipping,
  transparency, a re-typed field in another font).

Each difference is named by the field whose box it falls in (``tipcase.certificates.pdf.Region``).
The expected page is drawn by the same renderer from the same data, so a genuine page, alone or in a
merged PDF, matches exactly (``make bench`` measures the false alarms on 1,000 genuine pages).
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import re
from collections.abc import Iterable, Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageChops

from tipcase.certificates import images
from tipcase.certificates.payload import PREFIX, RECORD_PREFIX
from tipcase.certificates.pdf import HEIGHT, Region
from tipcase.certificates.pdf_structure import MAX_PICTURE_PIXELS

SCALE = 1.5  # pixels per point: 108 dpi, a 10-point letter is about 15 pixels high
THRESHOLD = 40  # of 255, in any colour channel
MIN_PIXELS = 2  # a difference smaller than this in a field is rendering noise, not a change
SIGNATURE_CHARS = 86  # an Ed25519 signature in base64url without padding
TOKEN = re.compile(rf"(?:{PREFIX}|{RECORD_PREFIX})[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{{{SIGNATURE_CHARS}}}")
MM = 72 / 25.4
_TEXT, _PATH, _IMAGE = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE
_HIDDEN_MODES = (3, 7)  # invisible; invisible and added to the clip
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in points from the page's bottom-left corner
_Style = tuple[float, str, int, tuple[int, int, int, int], tuple[int, int, int, int], tuple[float, float, float, float]]


@dataclasses.dataclass(frozen=True)
class Char:
    """One character as drawn: what, where, how big, in which font, mode and colours."""

    text: str
    x: float
    y: float
    size: float
    font: str
    mode: int
    fill: tuple[int, int, int, int]
    stroke: tuple[int, int, int, int]
    matrix: Box

    @property
    def hidden(self) -> bool:
        """Not seen on paper: invisible, fully transparent, or white."""
        return self.mode in _HIDDEN_MODES or self.fill[3] == 0 or (self.mode == 0 and min(self.fill[:3]) >= 245)


@dataclasses.dataclass(frozen=True)
class Difference:
    """One field (or the page, or a place outside every field) that differs from the signed page.

    ``kind``: ``text`` (visible text differs), ``hidden text`` (text not seen on paper was added or
    removed), ``shape`` (a drawing object), ``picture``, ``appearance`` (the rendered pixels),
    ``layer`` or ``marked content`` (objects put in optional or marked content), ``page`` (size,
    crop, rotation, annotations), or for the ``document`` field what the file carries besides its
    pages (``pdf_structure.KINDS``). ``signed`` and ``found``: the field's text as the
    signed data prints it and as the page carries it. ``where``: mm from the page's top-left corner.
    """

    field: str
    kind: str
    signed: str = ""
    found: str = ""
    where: tuple[int, int] | None = None


class PresentedPage:
    """One page of a presented PDF, read once: its characters, objects and signed texts."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        self.page = page
        self.textpage = page.get_textpage()
        self.chars = list(_chars(self.textpage))

    def signed_texts(self) -> tuple[list[str], list[str]]:
        """The distinct ``TC1:`` and ``TP1:`` texts the page carries, in page order."""
        text = "".join(c.text for c in self.chars)
        found = list(dict.fromkeys(TOKEN.findall(text)))
        return [t for t in found if t.startswith(PREFIX)], [t for t in found if t.startswith(RECORD_PREFIX)]

    def pictures(self) -> dict[str, bytes]:
        """Every RGB picture on the page as PNG bytes, by pixel digest (``images.pixel_digest``)."""
        found: dict[str, bytes] = {}
        for obj in self.page.get_objects(filter=(_IMAGE,), max_depth=8):
            pixels = _rgb(obj)
            if pixels is not None:
                found.setdefault(images.pixel_digest(*pixels), images.from_pixels(*pixels))
        return found


def _rgb(obj: pdfium.PdfObject) -> tuple[int, int, bytes] | None:
    """(width, height, rows) of an 8-bit RGB picture stored with simple filters; None for others."""
    if not isinstance(obj, pdfium.PdfImage) or obj.get_filters(skip_simple=True):
        return None
    width, height = obj.get_px_size()
    if width * height > MAX_PICTURE_PIXELS:  # never decoded whole (``pdf_structure`` refuses such a file first)
        return None
    data = bytes(obj.get_data(decode_simple=True))
    return (width, height, data) if len(data) == width * height * 3 else None


def _chars(textpage: pdfium.PdfTextPage) -> Iterator[Char]:
    """Every character the page draws (pdfium's generated spaces and line ends left out)."""
    handle = textpage.raw
    x, y = pdfium_c.c_double(), pdfium_c.c_double()
    styles: dict[int, _Style] = {}
    for index in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(handle, index) == 1:
            continue
        pdfium_c.FPDFText_GetCharOrigin(handle, index, x, y)
        obj = pdfium_c.FPDFText_GetTextObject(handle, index)
        address = pdfium_c.cast(obj, pdfium_c.c_void_p).value or 0
        if address not in styles:
            styles[address] = _style(handle, index, obj)
        yield Char(chr(pdfium_c.FPDFText_GetUnicode(handle, index)), round(x.value, 2), round(y.value, 2), *styles[address])


def _style(handle: object, index: int, obj: object) -> _Style:
    """How one text object draws its characters: size, font, render mode, fill, stroke, matrix."""
    colour = [pdfium_c.c_uint() for _ in range(8)]
    matrix = pdfium_c.FS_MATRIX()
    name = (pdfium_c.c_char * 128)()
    flags = pdfium_c.c_int()
    pdfium_c.FPDFText_GetFillColor(handle, index, *colour[:4])
    pdfium_c.FPDFText_GetStrokeColor(handle, index, *colour[4:])
    pdfium_c.FPDFText_GetMatrix(handle, index, matrix)
    length = pdfium_c.FPDFText_GetFontInfo(handle, index, name, len(name), flags)
    values = [int(c.value) for c in colour]
    return (
        round(pdfium_c.FPDFText_GetFontSize(handle, index), 2),
        bytes(name[: max(length - 1, 0)]).decode("latin-1").split("+")[-1],
        int(pdfium_c.FPDFTextObj_GetTextRenderMode(obj)) if obj else -1,
        (values[0], values[1], values[2], values[3]),
        (values[4], values[5], values[6], values[7]),
        (round(matrix.a, 3), round(matrix.b, 3), round(matrix.c, 3), round(matrix.d, 3)),
    )


_Drawn = tuple[int, int, Box, tuple[int, ...], object]  # kind, depth, box, colours, detail


def _objects(page: pdfium.PdfPage) -> list[_Drawn]:
    """Every drawing object but text: kind, depth, box, colours and (pictures) pixel digest."""
    found: list[_Drawn] = []
    colour = [pdfium_c.c_uint() for _ in range(8)]
    mode, stroke = pdfium_c.c_int(), pdfium_c.FPDF_BOOL()
    for obj in page.get_objects(max_depth=8):
        if obj.type == _TEXT:
            continue
        left, bottom, right, top = (round(float(v), 1) for v in obj.get_bounds())
        pdfium_c.FPDFPageObj_GetFillColor(obj.raw, *colour[:4])
        pdfium_c.FPDFPageObj_GetStrokeColor(obj.raw, *colour[4:])
        detail: object = None
        if obj.type == _PATH:
            pdfium_c.FPDFPath_GetDrawMode(obj.raw, mode, stroke)
            detail = (mode.value, stroke.value, pdfium_c.FPDFPath_CountSegments(obj.raw))
        elif obj.type == _IMAGE:
            pixels = _rgb(obj)
            detail = images.pixel_digest(*pixels) if pixels else hashlib.sha256(bytes(obj.get_data())).hexdigest()[:32]
        found.append((int(obj.type), int(obj.level), (left, bottom, right, top), tuple(int(c.value) for c in colour), detail))
    return found


def _field_of(box: Box, regions: list[Region]) -> str:
    """The field whose region overlaps ``box`` most (relative to the smaller of the two); "" if none."""
    best, best_score, best_area = "", 0.0, 0.0
    for region in regions:
        x0, y0 = max(box[0], region.box[0] - 0.5), max(box[1], region.box[1] - 0.5)
        x1, y1 = min(box[2], region.box[2] + 0.5), min(box[3], region.box[3] + 0.5)
        if x1 < x0 or y1 < y0:
            continue
        area = _area(region.box)
        score = max(x1 - x0, 0.01) * max(y1 - y0, 0.01) / min(_area(box), area)
        if score > best_score or (score == best_score and area < best_area):
            best, best_score, best_area = region.field, score, area
    return best


def _area(box: Box) -> float:
    return max(box[2] - box[0], 0.01) * max(box[3] - box[1], 0.01)


def _where(box: Box) -> tuple[int, int]:
    return round(box[0] / MM), round((HEIGHT - box[3]) / MM)


def _char_box(char: Char) -> Box:
    size = max(char.size, 1.0)
    return char.x, char.y - 0.2 * size, char.x + 0.5 * size, char.y + 0.7 * size


class _Findings:
    """The differences found so far: one per field and kind, the first one's details kept."""

    def __init__(self) -> None:
        self.found: dict[tuple[str, str], Difference] = {}

    def add(self, field: str, kind: str, box: Box, signed: str = "", text: str = "") -> None:
        key = (field or "outside", kind)
        if key not in self.found:
            self.found[key] = Difference(field or "outside", kind, signed, text, None if field else _where(box))


def compare(presented: PresentedPage, expected: PresentedPage, regions: list[Region]) -> list[Difference]:
    """Every difference between a presented page and the expected one, one per field and kind.

    ``regions``: the expected page's fields (``tipcase.certificates.pdf.render``). Returns them in the
    order the page prints them, top to bottom.
    """
    findings = _Findings()
    _compare_page(presented.page, expected.page, findings)
    _compare_text(presented.chars, expected.chars, regions, findings)
    for box, kind in _extra(_objects(presented.page), _objects(expected.page)):
        findings.add(_field_of(box, regions), kind, box)
    for field, box in _appearance(presented.page, expected.page, regions):
        findings.add(field, "appearance", box)
    for box, names in _extra_marks(presented.page, expected.page):
        findings.add(_field_of(box, regions), "layer" if "OC" in names else "marked content", box, "", ", ".join(names))
    order = {region.field: index for index, region in enumerate(sorted(regions, key=lambda r: (-r.box[3], r.box[0])))}
    return sorted(findings.found.values(), key=lambda d: (order.get(d.field, len(order)), d.kind))


def _compare_page(presented: pdfium.PdfPage, expected: pdfium.PdfPage, findings: _Findings) -> None:
    box = (0.0, 0.0, 0.0, 0.0)
    for what in ("get_mediabox", "get_cropbox", "get_bleedbox", "get_trimbox", "get_artbox"):
        if [round(v, 1) for v in getattr(presented, what)()] != [round(v, 1) for v in getattr(expected, what)()]:
            findings.add("page", "page", box, what[4:])
    if presented.get_rotation() != expected.get_rotation():
        findings.add("page", "page", box, "rotation")
    if pdfium_c.FPDFPage_GetAnnotCount(presented.raw) != pdfium_c.FPDFPage_GetAnnotCount(expected.raw):
        findings.add("page", "page", box, "annotations")


def _compare_text(presented: list[Char], expected: list[Char], regions: list[Region], findings: _Findings) -> None:
    extra = collections.Counter(presented) - collections.Counter(expected)
    missing = collections.Counter(expected) - collections.Counter(presented)
    located: dict[Char, str] = {}

    def field_of(char: Char) -> str:
        if char not in located:
            located[char] = _field_of(_char_box(char), regions)
        return located[char]

    fields: dict[str, list[Char]] = {}
    for char in [*extra.elements(), *missing.elements()]:
        fields.setdefault(field_of(char), []).append(char)
    for field, chars in fields.items():
        box = _char_box(chars[0])
        hidden = [c for c in chars if c.hidden and c in extra]
        if hidden and len(hidden) == len(chars):
            findings.add(field, "hidden text", box, "", _joined(c for c in presented if c in hidden))
            continue
        if field:
            signed = _joined(c for c in expected if not c.hidden and field_of(c) == field)
            shown = _joined(c for c in presented if not c.hidden and field_of(c) == field)
            findings.add(field, "text", box, signed, shown)
        else:
            findings.add(field, "text", box, "", _joined(c for c in chars if c in extra))
        if hidden:
            findings.add(field, "hidden text", box, "", _joined(hidden))


def _joined(chars: Iterable[Char]) -> str:
    """The characters as text, in the order the page draws them; " + " where a new run starts elsewhere."""
    text, previous = [], None
    for char in chars:
        if previous is not None and (abs(char.y - previous.y) > 1 or char.x < previous.x - 1):
            text.append(" + ")
        text.append(char.text)
        previous = char
    return "".join(text).strip()[:120]


def _extra(presented: list[_Drawn], expected: list[_Drawn]) -> Iterator[tuple[Box, str]]:
    """Boxes of drawing objects on one page and not the other, with their kind."""
    kinds = {_IMAGE: "picture"}
    counted_p, counted_e = collections.Counter(presented), collections.Counter(expected)
    for item in [*(counted_p - counted_e).elements(), *(counted_e - counted_p).elements()]:
        yield item[2], kinds.get(item[0], "shape")


def _marks(page: pdfium.PdfPage) -> list[tuple[Box, tuple[str, ...]]]:
    """Every drawing object (text too) inside marked content: its box and the marks' names (``OC``, ``Span``)."""
    found = []
    name = (pdfium_c.c_ushort * 64)()
    length = pdfium_c.c_ulong()
    for obj in page.get_objects(max_depth=8):
        count = pdfium_c.FPDFPageObj_CountMarks(obj.raw)
        if count <= 0:
            continue
        names = []
        for index in range(count):
            mark = pdfium_c.FPDFPageObj_GetMark(obj.raw, index)
            if mark and pdfium_c.FPDFPageObjMark_GetName(mark, name, pdfium_c.sizeof(name), length):
                names.append(bytes(name)[: max(length.value - 2, 0)].decode("utf-16-le", "replace"))
            else:
                names.append("?")
        box = tuple(round(float(v), 1) for v in obj.get_bounds())
        found.append(((box[0], box[1], box[2], box[3]), tuple(names)))
    return found


def _extra_marks(presented: pdfium.PdfPage, expected: pdfium.PdfPage) -> Iterator[tuple[Box, tuple[str, ...]]]:
    """Marked content on the presented page that the expected page does not have (a layer, replaced text)."""
    yield from (collections.Counter(_marks(presented)) - collections.Counter(_marks(expected))).elements()


def _appearance(presented: pdfium.PdfPage, expected: pdfium.PdfPage, regions: list[Region]) -> Iterator[tuple[str, Box]]:
    """Fields (and places outside them) where the rendered pages differ to the eye."""
    if [round(v) for v in presented.get_size()] != [round(v) for v in expected.get_size()]:
        yield "", (0.0, 0.0, *expected.get_size())  # another size is a difference already: never rasterised
        return
    mask = _difference_mask(_raster(presented), _raster(expected))
    if mask.getbbox() is None:
        return
    rest = mask.copy()
    for field in dict.fromkeys(r.field for r in regions):
        for region in (r for r in regions if r.field == field):
            pixels = _pixel_box(region.box, mask.size)
            crop = mask.crop(pixels)
            if crop.getbbox() is not None and crop.histogram()[255] >= MIN_PIXELS:
                yield field, region.box
                break
    for region in regions:
        rest.paste(0, _pixel_box(region.box, mask.size))
    box = rest.getbbox()
    if box is not None and rest.histogram()[255] >= MIN_PIXELS:
        yield "", (box[0] / SCALE, HEIGHT - box[3] / SCALE, box[2] / SCALE, HEIGHT - box[1] / SCALE)


def _raster(page: pdfium.PdfPage) -> Image.Image:
    picture: Image.Image = page.render(scale=SCALE, may_draw_forms=True, draw_annots=True).to_pil()
    return picture.convert("RGB")


def _difference_mask(first: Image.Image, second: Image.Image) -> Image.Image:
    if first.size != second.size:
        return Image.new("L", first.size, 255)
    red, green, blue = ImageChops.difference(first, second).split()
    return ImageChops.lighter(ImageChops.lighter(red, green), blue).point(lambda v: 255 if v > THRESHOLD else 0)


def _pixel_box(box: Box, size: tuple[int, int]) -> tuple[int, int, int, int]:
    x0, y0 = max(int(box[0] * SCALE) - 1, 0), max(int((HEIGHT - box[3]) * SCALE) - 1, 0)
    x1, y1 = min(int(box[2] * SCALE) + 2, size[0]), min(int((HEIGHT - box[1]) * SCALE) + 2, size[1])
    return x0, y0, max(x1, x0), max(y1, y0)

"""The issuing institution as a certificate prints it, and as its page record signs it."""

from __future__ import annotations

import base64
import dataclasses
from typing import Any

from tipcase.certificates import images

UNNAMED_SIGNATORY = {"en": "Authorised official", "id": "Pejabat yang berwenang"}


@dataclasses.dataclass(frozen=True)
class Institution:
    """The issuing institution, as an admin configures it (pictures as PNG or any format Pillow reads)."""

    name: dict[str, str]
    signatory_name: str = ""
    signatory_title: dict[str, str] = dataclasses.field(default_factory=dict)
    legal_basis: str = "UU 21/2007; UU 12/2022 Art. 21; Perpres 9/2024"
    logo_png: bytes | None = None
    signature_png: bytes | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Institution:
        """The institution from its stored JSON (``as_json``'s shape); missing keys take the defaults, pictures are base64 text."""

        def image(key: str) -> bytes | None:
            value = data.get(key)
            return base64.b64decode(value) if value else None

        return cls(
            name=dict(data.get("name") or {"en": "TIPCase Training Centre", "id": "Pusat Pelatihan TIPCase"}),
            signatory_name=str(data.get("signatory_name") or ""),
            signatory_title=dict(data.get("signatory_title") or {}),
            legal_basis=str(data.get("legal_basis") or cls.legal_basis),
            logo_png=image("logo_png"),
            signature_png=image("signature_png"),
        )

    def signature_block(self) -> tuple[str, dict[str, str]]:
        """What is printed under the signature line: a name and an office ({en, id}), never empty.

        The signatory's own when set; otherwise the institution signs in its own name as its
        authorised official (the wording of an Indonesian letter signed for an office, "a.n.").
        """
        name = self.signatory_name.strip() or self.name.get("en", "") or self.name.get("id", "")
        title = {k: v for k, v in self.signatory_title.items() if v.strip()} or dict(UNNAMED_SIGNATORY)
        return name, title

    def as_json(self) -> dict[str, Any]:
        """The institution as JSON for the settings table: texts as language -> text, the logo and signature PNGs as base64 (or null)."""
        return {
            "name": self.name,
            "signatory_name": self.signatory_name,
            "signatory_title": self.signatory_title,
            "legal_basis": self.legal_basis,
            "logo_png": base64.b64encode(self.logo_png).decode() if self.logo_png else None,
            "signature_png": base64.b64encode(self.signature_png).decode() if self.signature_png else None,
        }

    def as_record(self) -> dict[str, Any]:
        """What a page record signs: the texts, and the pictures by digest (``images.digest``)."""
        return {
            "name": dict(self.name),
            "signatory_name": self.signatory_name,
            "signatory_title": dict(self.signatory_title),
            "legal_basis": self.legal_basis,
            "logo": images.digest(self.logo_png) if self.logo_png else None,
            "signature": images.digest(self.signature_png) if self.signature_png else None,
        }

    def pictures(self) -> dict[str, bytes]:
        """Each picture in its canonical PNG form, by digest (what the register keeps for reprints)."""
        return {images.digest(data): images.canonical_png(data) for data in (self.logo_png, self.signature_png) if data}

    @classmethod
    def from_record(cls, record: dict[str, Any], pictures: dict[str, bytes]) -> Institution:
        """The institution a page record names; its pictures looked up by digest (missing ones left out).

        Raises KeyError, TypeError or ValueError on a record that does not have this shape.
        """

        def picture(key: str) -> bytes | None:
            value = record.get(key)
            return pictures.get(str(value)) if value else None

        return cls(
            name={str(k): str(v) for k, v in dict(record["name"]).items()},
            signatory_name=str(record["signatory_name"]),
            signatory_title={str(k): str(v) for k, v in dict(record["signatory_title"]).items()},
            legal_basis=str(record["legal_basis"]),
            logo_png=picture("logo"),
            signature_png=picture("signature"),
        )

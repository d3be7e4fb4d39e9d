"""Certificates: the signed payload, the issuing keys, the PDF and the register report."""

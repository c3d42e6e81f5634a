"""Checking an uploaded agreement document by its content, not by its name or stated type."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from typing import IO

from mgz.regiotafel.constants import DOCUMENT_TYPES, MAX_DOCUMENT_BYTES
from mgz.regiotafel.errors import DocumentRejected

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
ODT_MIMETYPE = DOCUMENT_TYPES["odt"].encode()


@dataclass(frozen=True)
class CheckedDocument:
    extension: str
    content_type: str
    size: int
    sha256: str


def check_document(fileobj: IO[bytes], *, size: int | None = None) -> CheckedDocument:
    """Accept PDF, DOCX, XLSX or ODT up to MAX_DOCUMENT_BYTES; raise DocumentRejected otherwise.

    Office files are ZIP containers; we look at their member names (and the ODF mimetype
    entry) without unpacking anything else, and refuse macro-enabled variants.
    """
    if size is None:
        fileobj.seek(0, 2)
        size = fileobj.tell()
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentRejected(
            f"Het document is te groot ({size / 1_048_576:.1f} MB); "
            f"de grens is {MAX_DOCUMENT_BYTES // 1_048_576} MB."
        )
    if size == 0:
        raise DocumentRejected("Het document is leeg.")
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    if head.startswith(PDF_MAGIC):
        extension = "pdf"
    elif head.startswith(ZIP_MAGIC):
        extension = _office_kind(fileobj)
    else:
        extension = ""
    if not extension:
        raise DocumentRejected(
            "Dit soort document wordt niet aangenomen; gebruik PDF, DOCX, XLSX of ODT."
        )
    digest = hashlib.sha256()
    fileobj.seek(0)
    for chunk in iter(lambda: fileobj.read(65536), b""):
        digest.update(chunk)
    fileobj.seek(0)
    return CheckedDocument(extension, DOCUMENT_TYPES[extension], size, digest.hexdigest())


def _office_kind(fileobj: IO[bytes]) -> str:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = set(archive.namelist())
            if any(name.endswith("vbaProject.bin") for name in names):
                raise DocumentRejected("Documenten met macro's worden niet aangenomen.")
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size <= 100 and archive.read("mimetype").strip() == ODT_MIMETYPE:
                    return "odt"
                return ""
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
    except zipfile.BadZipFile:
        return ""
    finally:
        fileobj.seek(0)
    return ""

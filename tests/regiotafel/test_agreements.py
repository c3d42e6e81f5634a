"""The agreements register: scope, topics, documents, and the query the 2.5.2 rule uses."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mgz.regiotafel import documents, queries, services
from mgz.regiotafel.constants import MAX_DOCUMENT_BYTES, AgreementKind, ScopeKind, Topic
from mgz.regiotafel.errors import DocumentRejected, InvalidInput
from tests import factories

from .conftest import DAY

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<o/>"})


@pytest.mark.parametrize(
    ("data", "extension"), [(PDF, "pdf"), (DOCX, "docx"), (_xlsx(), "xlsx"), (ODT, "odt")]
)
def test_allowed_documents_are_recognised_by_their_bytes(data, extension):
    checked = documents.check_document(io.BytesIO(data))
    assert checked.extension == extension
    assert checked.size == len(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"MZ\x90\x00 an executable", "niet aangenomen"),
        (b"<html><script>alert(1)</script>", "niet aangenomen"),
        (_zip({"evil.exe": b"MZ"}), "niet aangenomen"),
        (
            _zip(
                {"[Content_Types].xml": b"", "word/document.xml": b"", "word/vbaProject.bin": b""}
            ),
            "macro",
        ),
        (b"", "leeg"),
    ],
)
def test_other_documents_are_refused(data, message):
    with pytest.raises(DocumentRejected, match=message):
        documents.check_document(io.BytesIO(data))


def test_a_document_over_the_limit_is_refused_before_reading():
    with pytest.raises(DocumentRejected, match="te groot"):
        documents.check_document(io.BytesIO(PDF), size=MAX_DOCUMENT_BYTES + 1)


def _agreement(world, **kw):
    defaults = {
        "title": "Taakverdeling HA–SO",
        "kind": AgreementKind.MEDISCH_INHOUDELIJK,
        "topics": [Topic.CONSULTATIE, Topic.MDO],
        "parties": [world.provider, world.practice],
        "valid_from": date(2026, 1, 1),
        "clause_ids": ["2.1.2", "2.5.2"],
    }
    return services.create_agreement(world.table, **{**defaults, **kw})


def test_an_agreement_stores_its_document_under_a_random_name(world, settings):
    upload = SimpleUploadedFile("Afspraken regio.pdf", PDF, content_type="text/html")
    agreement = _agreement(world, document=upload)
    assert agreement.document_name == "Afspraken regio.pdf"
    assert agreement.document_type == "application/pdf"  # sniffed, not the browser's claim
    stored = Path(agreement.document.path)
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert "Afspraken" not in stored.name and stored.suffix == ".pdf"
    assert stored.read_bytes() == PDF
    assert agreement.topics == ["mdo", "consultatie"]  # the order of 2.5.2


def test_a_refused_document_leaves_no_agreement(world):
    with pytest.raises(DocumentRejected):
        _agreement(world, document=SimpleUploadedFile("x.pdf", b"not a pdf"))
    assert not world.table.agreements.exists()


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"parties": []}, "partij"),
        ({"kind": "anders"}, "soort afspraak"),
        ({"clause_ids": ["9.9.z"]}, "artikelnummer"),
        ({"topics": ["koffie"]}, "onderwerp"),
        ({"scope_kind": ScopeKind.LOCATION}, "locaties"),
        ({"scope_kind": ScopeKind.ORGANISATION}, "organisaties"),
        ({"scope_kind": ScopeKind.SUBREGION}, "subregio"),
        ({"valid_to": date(2025, 1, 1)}, "einddatum"),
    ],
)
def test_invalid_agreements_are_refused_with_a_reason(world, kw, message):
    with pytest.raises(InvalidInput, match=message):
        _agreement(world, **kw)


def test_topics_by_location_resolve_every_scope(world):
    elsewhere = factories.location(organisation=world.provider)  # another region
    _agreement(world, topics=[Topic.MDO])  # whole region
    _agreement(
        world,
        topics=[Topic.CONSULTATIE],
        scope_kind=ScopeKind.SUBREGION,
        scope_subregion=world.subregion,
    )
    _agreement(
        world,
        topics=[Topic.VERVANGING],
        scope_kind=ScopeKind.ORGANISATION,
        scope_organisations=[world.provider],
    )
    _agreement(
        world,
        topics=[Topic.BESCHIKBAARHEID_ANW],
        scope_kind=ScopeKind.LOCATION,
        scope_locations=[world.planned],
    )
    _agreement(world, topics=[Topic.REGIEBEHANDELAARSCHAP], valid_to=date(2026, 2, 1))  # expired
    _agreement(world, topics=[Topic.MEDEBEHANDELING], valid_from=date(2026, 6, 1))  # not yet
    topics = queries.agreement_topics_by_location(DAY)
    assert topics[world.location.id] == {"mdo", "consultatie", "vervanging"}
    assert topics[world.planned.id] == {"mdo", "vervanging", "beschikbaarheid_anw"}
    assert elsewhere.id not in topics
    assert queries.missing_topics(topics[world.location.id]) == {
        "medebehandeling",
        "regiebehandelaarschap",
        "beschikbaarheid_anw",
    }


def test_a_location_outside_the_region_cannot_be_in_scope(world):
    elsewhere = factories.location()
    with pytest.raises(InvalidInput, match="buiten de regio"):
        _agreement(world, scope_kind=ScopeKind.LOCATION, scope_locations=[elsewhere])


def test_agreements_due_for_review(world):
    due = _agreement(world, title="Herzien", review_date=date(2026, 4, 1))
    _agreement(world, title="Later", review_date=date(2027, 1, 1))
    assert list(queries.agreements_due_for_review(world.table, DAY)) == [due]

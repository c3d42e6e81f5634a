"""The patient handover: who may write it, versions, the summary for routing, and the PDF."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pypdfium2
import pytest
from django.utils import timezone

from mgz.handover import services
from mgz.handover.constants import AuthorRole, Decision, Treatment
from mgz.handover.errors import HandoverError, NotAllowed
from mgz.handover.pdf import render_pdf

RESULTS = Path(__file__).resolve().parents[2] / "test-results"


def _data(**kw) -> services.DocumentInput:
    return services.DocumentInput(
        review_date=timezone.localdate() + timedelta(days=180),
        directives=[
            services.DirectiveInput(Treatment.REANIMATIE, Decision.DENY),
            services.DirectiveInput(
                Treatment.ZIEKENHUISOPNAME, Decision.DENY, conditions="tenzij heupfractuur"
            ),
            services.DirectiveInput(
                Treatment.ANTIBIOTICA, Decision.PERMIT, conditions="alleen oraal"
            ),
            services.DirectiveInput(Treatment.ANDERS, Decision.DENY, treatment_text="Sondevoeding"),
        ],
        advance_directives=[
            services.AdvanceDirectiveInput(
                "NR", signed_on=date(2024, 3, 1), representative="Piet de Vries"
            )
        ],
        bejegeningsadvies="Rustig benaderen, van voren aanspreken; geen aanraking zonder aankondiging.",
        normaal_gedrag="Loopt 's avonds veel rond en neuriet; dat is normaal.",
        **kw,
    )


def test_regiebehandelaar_writes_versions(hworld):
    first = services.write_document(hworld.patient, author=hworld.huisarts, data=_data())
    second = services.write_document(hworld.patient, author=hworld.huisarts, data=_data())
    assert (first.version, second.version) == (1, 2)
    assert first.author_role == AuthorRole.REGIEBEHANDELAAR
    assert services.latest_document(hworld.patient) == second
    assert second.directives.count() == 4


def test_gedragskundige_of_the_patient_may_write(hworld):
    document = services.write_document(hworld.patient, author=hworld.gedragskundige, data=_data())
    assert document.author_role == AuthorRole.GEDRAGSKUNDIGE


def test_others_may_not_write(hworld):
    for someone in (hworld.so, hworld.avg, hworld.outsider):
        with pytest.raises(NotAllowed) as error:
            services.write_document(hworld.patient, author=someone, data=_data())
        assert error.value.code == "2.1.3.e"
    assert not hworld.patient.handover_documents.exists()


def test_other_treatment_needs_a_description(hworld):
    data = services.DocumentInput(
        review_date=date(2027, 1, 1),
        directives=[services.DirectiveInput(Treatment.ANDERS, Decision.DENY)],
    )
    with pytest.raises(HandoverError):
        services.write_document(hworld.patient, author=hworld.huisarts, data=data)


def test_summary_for_routing(hworld):
    assert services.handover_summary(hworld.patient) is None
    services.write_document(hworld.patient, author=hworld.huisarts, data=_data())
    summary = services.handover_summary(hworld.patient)
    assert summary["version"] == 1
    assert summary["behandelgrenzen"] == [
        "Niet reanimeren",
        "Geen ziekenhuisopname (tenzij heupfractuur)",
        "Wel antibiotica (alleen oraal)",
        "Geen: Sondevoeding",
    ]
    assert summary["bejegeningsadvies"].startswith("Rustig benaderen")
    assert summary["review_date"] == timezone.localdate() + timedelta(days=180)
    assert summary["review_overdue"] is False
    assert summary["wilsverklaringen"] == ["Niet-reanimerenverklaring"]
    assert summary["contacts"][0]["name"] == "Piet de Vries"


def test_pdf_is_one_page_and_renders_to_png(hworld):
    document = services.write_document(hworld.patient, author=hworld.huisarts, data=_data())
    pdf = render_pdf(document)
    assert pdf.startswith(b"%PDF")
    doc = pypdfium2.PdfDocument(pdf)
    assert len(doc) == 1
    text = doc[0].get_textpage().get_text_range()
    assert "Niet reanimeren" in text
    assert "Rustig benaderen" in text
    RESULTS.mkdir(exist_ok=True)
    image = doc[0].render(scale=1.5).to_pil()
    image.save(RESULTS / "handover-document-page1.png")
    assert image.size[0] > 800

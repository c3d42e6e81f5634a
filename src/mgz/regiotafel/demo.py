"""Regiotafels for the synthetic Netherlands (`mgz regiotafel_demo`, after `mgz demo`).

Each region gets a table convened by its zorgkantoor, with members, agreements, knelpunten and
activity counts, so the report, the dashboard and rules 2.3.3.2.b and 2.5.2 have something to
show. Imperfections are planted on purpose and deterministically: in every third region the
AVG has no seat (2.3.3.2.b), and 'vervanging bij vakantie en ziekte' is agreed for only half of
the providers (2.5.2); one knelpunt per table is past its deadline.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count

from mgz.regiotafel import services
from mgz.regiotafel.constants import ActivityKind, AgreementKind, PartyKind, ScopeKind, Topic
from mgz.regiotafel.models import Regiotafel
from mgz.registry.models import Organisation, Region


def _first(region: Region, kind: str, *, name_prefix: str = "") -> Organisation | None:
    orgs = Organisation.objects.filter(region=region, kind=kind).order_by("code")
    if name_prefix:
        orgs = orgs.filter(name__startswith=name_prefix) or orgs
    return orgs.first()


@transaction.atomic
def demo_regiotafel(region: Region, *, today: date, index: int = 0) -> Regiotafel | None:
    """One table for the region, or None when it has one already or no zorgkantoor."""
    if Regiotafel.objects.filter(region=region, subregion__isnull=True).exists():
        return None
    zorgkantoor = _first(region, "zorgkantoor")
    if zorgkantoor is None:
        return None
    started = today - timedelta(days=400)
    table = services.convene(
        region,
        zorgkantoor,
        on=started,
        contact_email=f"regiotafel-{region.code.lower()}@example.org",
        breach_procedure=(
            "Een partij die een afspraak niet nakomt wordt eerst door de betrokken partij "
            "aangesproken; lukt dat niet binnen vier weken, dan agendeert de voorzitter het op de "
            "regiotafel; daarna grijpt het zorgkantoor in."
        ),
    )
    providers = list(
        Organisation.objects.filter(region=region, kind__startswith="zorgaanbieder")
        .annotate(n=Count("locations"))
        .order_by("-n", "code")
    )
    seats = [
        (
            Organisation.objects.filter(kind="zorgverzekeraar").order_by("code").first(),
            PartyKind.ZORGVERZEKERAAR,
        ),
        (_first(region, "rho"), PartyKind.HUISARTSEN),
        (_first(region, "hap"), PartyKind.HDS_HAP),
        (_first(region, "so_avg_praktijk", name_prefix="SO-dienst"), PartyKind.SO),
        (_first(region, "gemeente"), PartyKind.GEMEENTE),
        *((p, PartyKind.ZORGAANBIEDER) for p in providers[:3]),
    ]
    if index % 3 != 2:  # planted: every third table misses its AVG (2.3.3.2.b)
        seats.append((_first(region, "so_avg_praktijk", name_prefix="AVG"), PartyKind.AVG))
    parties = []
    for org, kind in seats:
        if org is None:
            continue
        parties.append(org)
        services.add_member(
            table,
            org,
            kind,
            representative=f"Vertegenwoordiger {org.name}",
            email=f"{org.code.lower()}@example.org",
            mandate="Besluit namens de eigen organisatie over MGZ-afspraken.",
            start=started,
        )
    services.create_agreement(
        table,
        title="Taakverdeling huisarts, SO en AVG",
        kind=AgreementKind.MEDISCH_INHOUDELIJK,
        topics=[Topic.MDO, Topic.CONSULTATIE, Topic.MEDEBEHANDELING, Topic.REGIEBEHANDELAARSCHAP],
        parties=parties,
        clause_ids=["2.1.2", "2.2.3", "2.5.2", "3.a"],
        valid_from=started,
        review_date=today + timedelta(days=45),
        summary="Wie consulteert wie, wanneer medebehandeling, en hoe regiebehandelaarschap overgaat.",
    )
    services.create_agreement(
        table,
        title="Bereikbaarheid en continuïteit in de ANW",
        kind=AgreementKind.ORGANISATORISCH,
        topics=[Topic.BESCHIKBAARHEID_ANW],
        parties=parties,
        clause_ids=["2.1.3.b.1", "2.1.3.b.2", "2.1.3.b.3", "3.b"],
        valid_from=started,
    )
    half = providers[: max(1, len(providers) // 2)]
    if half:
        services.create_agreement(
            table,
            title="Vervanging bij vakantie en ziekte (inkoop)",
            kind=AgreementKind.CONTRACTERING,
            topics=[Topic.VERVANGING],
            parties=[zorgkantoor, *half],
            scope_kind=ScopeKind.ORGANISATION,
            scope_organisations=half,
            clause_ids=["2.1.5", "2.5.3", "3.c"],
            valid_from=started,
            in_contract=True,
            contract_reference=f"INK-{region.code}-{today.year}",
        )
    target = providers[-1] if providers else None
    practice = _first(region, "rho") or zorgkantoor
    if target is not None:
        late = services.raise_knelpunt(
            table,
            title=f"Geen SO bereikbaar in de ANW bij {target.name}",
            description="De huisartsenpost krijgt 's nachts geen SO aan de lijn voor de VV-locaties.",
            raised_by=practice,
            about_organisation=target,
            clause_ids=["2.1.3.b.2"],
            today=today - timedelta(days=70),
        )
        services.escalate(
            late,
            decision="Aanspreken leverde geen rooster op; naar de regiotafel.",
            today=today - timedelta(days=50),
            deadline=today - timedelta(days=8),
        )
        services.raise_knelpunt(
            table,
            title=f"Vervanging AVG tijdens vakantie bij {target.name}",
            description="Tijdens de zomervakantie was geen vervangende AVG geregeld.",
            raised_by=target,
            about_organisation=_first(region, "so_avg_praktijk", name_prefix="AVG") or target,
            clause_ids=["2.5.2"],
            today=today - timedelta(days=5),
        )
    so = _first(region, "so_avg_praktijk", name_prefix="SO-dienst")
    if so is not None:
        quarter = today - timedelta(days=90)
        for kind, count in (
            (ActivityKind.MDO, 40 + index),
            (ActivityKind.ANW_CONTACT, 120 + index),
        ):
            services.record_activity_count(
                table, so, kind, period_start=quarter, period_end=today, count=count
            )
    return table


def ensure_demo_regiotafels(*, today: date) -> list[Regiotafel]:
    """A table for every region that has none yet; deterministic by region code order."""
    made = []
    for index, region in enumerate(Region.objects.order_by("code")):
        table = demo_regiotafel(region, today=today, index=index)
        if table is not None:
            made.append(table)
    return made

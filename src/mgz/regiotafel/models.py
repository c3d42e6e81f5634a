"""The regiotafel: who sits at it, what they agreed, which knelpunten they work on (H3)."""

from __future__ import annotations

import re
import secrets
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from mgz.regiotafel.constants import (
    Action,
    ActivityKind,
    ActivitySource,
    AgreementKind,
    ExternalBody,
    KnelpuntStatus,
    PartyKind,
    ScopeKind,
    Step,
    Topic,
)
from mgz.registry.models import Location, Organisation, Region, Subregion

# A covenant clause id as covenant.md writes them: S.1, 2.1.2, 2.3.3.2.b, 3.a, 4.1.3 …
CLAUSE_ID = re.compile(r"^(S\.\d|\d(\.\d+)*(\.[a-g])?(\.\d)?|3\.[a-c])$")


def validate_clause_ids(value: list) -> None:
    if not isinstance(value, list):
        raise ValidationError("Artikelnummers zijn een lijst.")
    wrong = [v for v in value if not isinstance(v, str) or not CLAUSE_ID.match(v)]
    if wrong:
        raise ValidationError(
            "Onbekend artikelnummer: %(ids)s (bijvoorbeeld 2.5.2 of 2.3.3.2.b).",
            params={"ids": ", ".join(map(str, wrong))},
            code="clause-id",
        )


def validate_topics(value: list) -> None:
    if not isinstance(value, list) or any(v not in Topic.values for v in value):
        raise ValidationError("Onbekend onderwerp van een afspraak.", code="topic")


def document_path(instance: Agreement, filename: str) -> str:
    """A random name: the original name is kept in a field, never used on disk."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"regiotafel/{secrets.token_hex(16)}.{ext}"


class Regiotafel(models.Model):
    """The table of a zorgkantoorregio or of one of its subregions (2.3.3.2.a, 3.2)."""

    region = models.ForeignKey(
        Region, models.PROTECT, related_name="regiotafels", verbose_name="regio"
    )
    subregion = models.ForeignKey(
        Subregion,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="regiotafels",
        verbose_name="subregio",
    )
    name = models.CharField("naam", max_length=200)
    convened_by = models.ForeignKey(
        Organisation,
        models.PROTECT,
        related_name="convened_regiotafels",
        limit_choices_to={"kind": "zorgkantoor"},
        verbose_name="bijeengeroepen door (zorgkantoor)",
    )
    convened_on = models.DateField("bijeengeroepen op")
    contact_email = models.EmailField("e-mail secretariaat", blank=True)
    breach_procedure = models.TextField(
        "procedure bij het niet nakomen van afspraken",
        blank=True,
        help_text="Stap 3: hoe de (sub)regio knelpunten oplost als afspraken niet worden nagekomen.",
    )

    class Meta:
        verbose_name = "regiotafel"
        verbose_name_plural = "regiotafels"
        ordering = ["region__code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region"],
                condition=models.Q(subregion__isnull=True),
                name="regiotafel_one_per_region",
                violation_error_message="Deze regio heeft al een regiotafel.",
            ),
            models.UniqueConstraint(
                fields=["subregion"],
                condition=models.Q(subregion__isnull=False),
                name="regiotafel_one_per_subregion",
                violation_error_message="Deze subregio heeft al een regiotafel.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.convened_by_id and self.convened_by.kind != "zorgkantoor":
            raise ValidationError(
                {"convened_by": "De regiotafel wordt bijeengeroepen door het zorgkantoor (3.2)."}
            )
        if self.subregion_id and self.subregion.region_id != self.region_id:
            raise ValidationError({"subregion": "De subregio ligt niet in deze regio."})

    def locations(self) -> models.QuerySet[Location]:
        """The locations this table speaks for: its subregion, or the whole region."""
        if self.subregion_id:
            return Location.objects.filter(subregion_id=self.subregion_id)
        return Location.objects.filter(region_id=self.region_id)


class Member(models.Model):
    """A party at the table, with the person who represents it and their mandate (3.3)."""

    regiotafel = models.ForeignKey(
        Regiotafel, models.CASCADE, related_name="members", verbose_name="regiotafel"
    )
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="regiotafel_seats", verbose_name="partij"
    )
    kind = models.CharField("soort partij", max_length=20, choices=PartyKind.choices)
    representative = models.CharField("vertegenwoordiger", max_length=200)
    email = models.EmailField("e-mail", blank=True)
    mandate = models.TextField(
        "mandaat", blank=True, help_text="Waarover de vertegenwoordiger namens de partij besluit."
    )
    has_mandate = models.BooleanField("heeft mandaat", default=True)
    start = models.DateField("lid vanaf")
    end = models.DateField("lid tot en met", null=True, blank=True)

    class Meta:
        verbose_name = "deelnemer"
        verbose_name_plural = "deelnemers"
        ordering = ["regiotafel", "kind", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["regiotafel", "organisation", "kind", "start"],
                name="regiotafel_member_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="regiotafel_member_end_after_start",
                violation_error_message="De einddatum ligt voor de begindatum.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_kind_display()})"

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class Agreement(models.Model):
    """A regional agreement (3.a–c) with the 2.5.2 topics it covers and the locations it holds for."""

    regiotafel = models.ForeignKey(
        Regiotafel, models.CASCADE, related_name="agreements", verbose_name="regiotafel"
    )
    title = models.CharField("titel", max_length=200)
    kind = models.CharField("soort afspraak", max_length=20, choices=AgreementKind.choices)
    topics = models.JSONField(
        "onderwerpen (2.5.2)", default=list, blank=True, validators=[validate_topics]
    )
    summary = models.TextField("inhoud", blank=True)
    parties = models.ManyToManyField(
        Organisation, related_name="regiotafel_agreements", verbose_name="partijen"
    )
    scope_kind = models.CharField(
        "geldt voor", max_length=12, choices=ScopeKind.choices, default=ScopeKind.REGION
    )
    scope_subregion = models.ForeignKey(
        Subregion,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="subregio",
    )
    scope_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name="organisaties"
    )
    scope_locations = models.ManyToManyField(
        Location, blank=True, related_name="regiotafel_agreements", verbose_name="locaties"
    )
    clause_ids = models.JSONField(
        "artikelen convenant", default=list, blank=True, validators=[validate_clause_ids]
    )
    valid_from = models.DateField("geldig vanaf")
    valid_to = models.DateField("geldig tot en met", null=True, blank=True)
    review_date = models.DateField("herzien op", null=True, blank=True)
    in_contract = models.BooleanField(
        "opgenomen in inkoopcontract", default=False, help_text="2.1.5 en 2.5.3"
    )
    contract_reference = models.CharField("contractkenmerk", max_length=100, blank=True)
    document = models.FileField("document", upload_to=document_path, blank=True)
    document_name = models.CharField("oorspronkelijke bestandsnaam", max_length=255, blank=True)
    document_type = models.CharField("documentsoort", max_length=100, blank=True)
    document_size = models.PositiveIntegerField("grootte (bytes)", null=True, blank=True)
    document_sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("vastgelegd op", auto_now_add=True)

    class Meta:
        verbose_name = "afspraak"
        verbose_name_plural = "afspraken"
        ordering = ["regiotafel", "-valid_from", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="agreement_valid_to_after_from",
                violation_error_message="De einddatum ligt voor de begindatum.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def topic_labels(self) -> list[str]:
        return [Topic(t).label for t in self.topics]


class Knelpunt(models.Model):
    """A problem put on the table (2.3.3.1.c, 3.3) and climbing the ladder of stap 4 (3.4).

    `status` and `step` change only through mgz.regiotafel.ladder, so every move is recorded
    as a KnelpuntStep.
    """

    regiotafel = models.ForeignKey(
        Regiotafel, models.CASCADE, related_name="knelpunten", verbose_name="regiotafel"
    )
    title = models.CharField("titel", max_length=200)
    description = models.TextField("omschrijving")
    raised_by = models.ForeignKey(
        Organisation,
        models.PROTECT,
        related_name="raised_knelpunten",
        verbose_name="ingediend door",
    )
    about_organisation = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="knelpunten_about",
        verbose_name="over partij",
    )
    about_location = models.ForeignKey(
        Location,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="knelpunten",
        verbose_name="over locatie",
    )
    clause_ids = models.JSONField(
        "artikelen convenant", default=list, blank=True, validators=[validate_clause_ids]
    )
    # Findings are rows of one conformance run; the stable reference across runs is the rule
    # (clause id) and the subject, so that is what a knelpunt keeps.
    finding_refs = models.JSONField("gekoppelde bevindingen", default=list, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=KnelpuntStatus.choices, default=KnelpuntStatus.OPEN
    )
    step = models.PositiveSmallIntegerField("trede", choices=Step.choices, default=Step.PARTIJEN)
    raised_on = models.DateField("ingediend op")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "knelpunt"
        verbose_name_plural = "knelpunten"
        ordering = ["regiotafel", "-raised_on", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def current_step(self) -> KnelpuntStep | None:
        return self.steps.order_by("-number", "-id").first()


class KnelpuntStep(models.Model):
    """One rung of the ladder for one knelpunt: who must act, by when, and what was decided."""

    knelpunt = models.ForeignKey(
        Knelpunt, models.CASCADE, related_name="steps", verbose_name="knelpunt"
    )
    number = models.PositiveSmallIntegerField("trede", choices=Step.choices)
    responsible = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="verantwoordelijke partij",
    )
    external_body = models.CharField(
        "opgeschaald naar", max_length=20, choices=ExternalBody.choices, blank=True
    )
    started_on = models.DateField("gestart op")
    deadline = models.DateField("termijn tot en met")
    decision = models.TextField("besluit", blank=True)
    closed_on = models.DateField("afgesloten op", null=True, blank=True)
    outcome = models.CharField("uitkomst", max_length=20, blank=True)
    overdue_since = models.DateField("termijn verstreken sinds", null=True, blank=True)
    overdue_mailed_at = models.DateTimeField("herinnering verstuurd", null=True, blank=True)

    class Meta:
        verbose_name = "escalatiestap"
        verbose_name_plural = "escalatiestappen"
        ordering = ["knelpunt", "id"]

    def __str__(self) -> str:
        return f"{self.knelpunt} – {self.get_number_display()}"

    def is_overdue(self, today: date) -> bool:
        return self.closed_on is None and self.deadline < today

    @property
    def outcome_label(self) -> str:
        return Action(self.outcome).label if self.outcome in Action.values else self.outcome


class OpeningException(models.Model):
    """The zorgkantoor let a planned location open despite blocking findings (2.3.3.2.c)."""

    location = models.ForeignKey(
        Location, models.PROTECT, related_name="opening_exceptions", verbose_name="locatie"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name="besloten door"
    )
    decided_at = models.DateTimeField("besloten op", auto_now_add=True)
    reason = models.TextField("reden")
    blocking_findings = models.JSONField("blokkerende bevindingen", default=list)

    class Meta:
        verbose_name = "uitzondering openingstoets"
        verbose_name_plural = "uitzonderingen openingstoets"
        ordering = ["-decided_at"]

    def __str__(self) -> str:
        return f"{self.location} ({self.decided_at:%d-%m-%Y})"


class ActivityCount(models.Model):
    """Activities counted for funding transparency (4.1.1), entered per party and period."""

    regiotafel = models.ForeignKey(
        Regiotafel, models.CASCADE, related_name="activity_counts", verbose_name="regiotafel"
    )
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="+", verbose_name="partij"
    )
    kind = models.CharField("activiteit", max_length=20, choices=ActivityKind.choices)
    period_start = models.DateField("periode vanaf")
    period_end = models.DateField("periode tot en met")
    count = models.PositiveIntegerField("aantal")
    source = models.CharField(
        "bron", max_length=10, choices=ActivitySource.choices, default=ActivitySource.HANDMATIG
    )

    class Meta:
        verbose_name = "activiteitentelling"
        verbose_name_plural = "activiteitentellingen"
        ordering = ["regiotafel", "-period_start", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["regiotafel", "organisation", "kind", "period_start", "period_end"],
                name="activity_count_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="activity_period_end_after_start",
                violation_error_message="De periode eindigt voor ze begint.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.count}"

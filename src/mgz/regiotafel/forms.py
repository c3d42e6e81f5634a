"""Forms of the regiotafel pages. They only parse input; the services decide."""

from __future__ import annotations

from django import forms

from mgz.regiotafel.constants import (
    MAX_DOCUMENT_BYTES,
    AgreementKind,
    ExternalBody,
    ScopeKind,
    Topic,
)
from mgz.regiotafel.models import Regiotafel
from mgz.registry.models import Location, Organisation

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _clause_list(value: str) -> list[str]:
    return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]


class AgreementForm(forms.Form):
    title = forms.CharField(label="Titel", max_length=200)
    kind = forms.ChoiceField(label="Soort afspraak", choices=AgreementKind.choices)
    topics = forms.MultipleChoiceField(
        label="Onderwerpen (2.5.2)",
        choices=Topic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    summary = forms.CharField(
        label="Inhoud", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    parties = forms.ModelMultipleChoiceField(label="Partijen", queryset=Organisation.objects.none())
    scope_kind = forms.ChoiceField(label="Geldt voor", choices=ScopeKind.choices)
    scope_organisations = forms.ModelMultipleChoiceField(
        label="Organisaties (bij 'organisaties')",
        queryset=Organisation.objects.none(),
        required=False,
    )
    scope_locations = forms.ModelMultipleChoiceField(
        label="Locaties (bij 'locaties')", queryset=Location.objects.none(), required=False
    )
    clause_ids = forms.CharField(
        label="Artikelen van het convenant", required=False, help_text="Bijvoorbeeld 2.1.2, 2.5.2"
    )
    valid_from = forms.DateField(label="Geldig vanaf", widget=DATE)
    valid_to = forms.DateField(label="Geldig tot en met", widget=DATE, required=False)
    review_date = forms.DateField(label="Herzien op", widget=DATE, required=False)
    in_contract = forms.BooleanField(label="Opgenomen in inkoopcontract (2.5.3)", required=False)
    document = forms.FileField(
        label="Document (PDF, DOCX, XLSX of ODT, max. 10 MB)",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.odt"}),
    )

    def __init__(self, *args, regiotafel: Regiotafel, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        orgs = Organisation.objects.filter(
            region_id=regiotafel.region_id
        ) | Organisation.objects.filter(regiotafel_seats__regiotafel=regiotafel)
        orgs = orgs.distinct().order_by("name")
        self.fields["parties"].queryset = orgs
        self.fields["scope_organisations"].queryset = orgs
        self.fields["scope_locations"].queryset = regiotafel.locations().order_by("name")

    def clean_clause_ids(self) -> list[str]:
        return _clause_list(self.cleaned_data["clause_ids"])

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document and document.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError("Het document is groter dan 10 MB.")
        return document


class KnelpuntForm(forms.Form):
    title = forms.CharField(label="Titel", max_length=200)
    description = forms.CharField(label="Omschrijving", widget=forms.Textarea(attrs={"rows": 4}))
    raised_by = forms.ModelChoiceField(label="Ingediend door", queryset=Organisation.objects.none())
    about_organisation = forms.ModelChoiceField(
        label="Over partij", queryset=Organisation.objects.none(), required=False
    )
    about_location = forms.ModelChoiceField(
        label="Over locatie", queryset=Location.objects.none(), required=False
    )
    clause_ids = forms.CharField(label="Artikelen van het convenant", required=False)
    deadline = forms.DateField(label="Termijn (leeg: standaard)", widget=DATE, required=False)

    def __init__(self, *args, regiotafel: Regiotafel, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        orgs = (
            (
                Organisation.objects.filter(region_id=regiotafel.region_id)
                | Organisation.objects.filter(regiotafel_seats__regiotafel=regiotafel)
            )
            .distinct()
            .order_by("name")
        )
        self.fields["raised_by"].queryset = orgs
        self.fields["about_organisation"].queryset = orgs
        self.fields["about_location"].queryset = regiotafel.locations().order_by("name")

    def clean_clause_ids(self) -> list[str]:
        return _clause_list(self.cleaned_data["clause_ids"])


class StepForm(forms.Form):
    """One form for every move on the ladder; the button says which."""

    decision = forms.CharField(
        label="Besluit of reden", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    deadline = forms.DateField(label="Nieuwe termijn", widget=DATE, required=False)
    external_body = forms.ChoiceField(
        label="Opschalen naar (trede 4)",
        choices=[("", "—"), *ExternalBody.choices],
        required=False,
    )


class OpeningForm(forms.Form):
    exception_reason = forms.CharField(
        label="Reden voor een uitzondering (alleen zorgkantoor)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

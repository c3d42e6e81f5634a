"""Forms of the handover pages; they parse input only, the services decide."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone

from mgz.handover.constants import AdvanceDirectiveKind, Decision, TransferScope, Treatment
from mgz.handover.models import HandoverDocument
from mgz.handover.services import AdvanceDirectiveInput, DirectiveInput, DocumentInput
from mgz.registry.constants import PHYSICIAN_DISCIPLINES
from mgz.registry.models import Professional

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProposalForm(forms.Form):
    to_professional = forms.CharField(
        label="Naar arts (zorgverlenerscode of BIG-nummer)", max_length=40
    )
    scope = forms.ChoiceField(label="Omvang", choices=TransferScope.choices)
    problem = forms.CharField(
        label="Afgebakend probleem (alleen AVG)", required=False, max_length=300
    )
    reason = forms.CharField(label="Reden", widget=forms.Textarea(attrs={"rows": 3}))
    fallback_agreement = forms.CharField(
        label="Terugvalafspraak (2.2.6)", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_to_professional(self) -> Professional:
        value = self.cleaned_data["to_professional"].strip()
        found = Professional.objects.filter(
            Q(code__iexact=value) | Q(big=value), discipline__in=PHYSICIAN_DISCIPLINES
        ).first()
        if found is None:
            raise forms.ValidationError("Geen huisarts, SO of AVG gevonden met deze code.")
        return found


class DeclineForm(forms.Form):
    reason = forms.CharField(label="Reden van afwijzing", widget=forms.Textarea(attrs={"rows": 2}))


class ConversationForm(forms.Form):
    on = forms.DateField(label="Datum gesprek", widget=DATE)
    with_whom = forms.CharField(label="Met wie", max_length=300)
    outcome = forms.CharField(label="Uitkomst", widget=forms.Textarea(attrs={"rows": 2}))


class FallbackForm(forms.Form):
    text = forms.CharField(label="Terugvalafspraak", widget=forms.Textarea(attrs={"rows": 2}))


class CompleteForm(forms.Form):
    effective_date = forms.DateField(label="Ingangsdatum", widget=DATE)


DECISION_CHOICES = [("", "— niet vastgelegd —"), *Decision.choices]
FIXED_TREATMENTS = [t for t in Treatment if t != Treatment.ANDERS]
OTHER_ROWS = 2
ADVANCE_ROWS = 2


class DocumentForm(forms.Form):
    """One row per zib treatment, two free 'anders' rows and two wilsverklaringen."""

    review_date = forms.DateField(label="Herzien uiterlijk op", widget=DATE)
    bejegeningsadvies = forms.CharField(
        label="Bejegeningsadvies", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    normaal_gedrag = forms.CharField(
        label="Normaal gedrag", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    note = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, previous: HandoverDocument | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for treatment in FIXED_TREATMENTS:
            self._directive_fields(treatment.value, treatment.label)
        for n in range(OTHER_ROWS):
            key = f"anders{n}"
            self.fields[f"{key}_text"] = forms.CharField(
                label=f"Andere behandeling {n + 1}", required=False, max_length=200
            )
            self._directive_fields(key, f"Andere behandeling {n + 1}")
        for n in range(ADVANCE_ROWS):
            self.fields[f"wv{n}_kind"] = forms.ChoiceField(
                label=f"Wilsverklaring {n + 1}",
                required=False,
                choices=[("", "— geen —"), *AdvanceDirectiveKind.choices],
            )
            self.fields[f"wv{n}_date"] = forms.DateField(label="Datum", required=False, widget=DATE)
            self.fields[f"wv{n}_representative"] = forms.CharField(
                label="Vertegenwoordiger", required=False, max_length=200
            )
            self.fields[f"wv{n}_comment"] = forms.CharField(label="Toelichting", required=False)
        if not self.is_bound:
            self.initial.update(_initial(previous))

    def _directive_fields(self, key: str, label: str) -> None:
        self.fields[f"{key}_decision"] = forms.ChoiceField(
            label=label, required=False, choices=DECISION_CHOICES
        )
        self.fields[f"{key}_conditions"] = forms.CharField(
            label=f"Voorwaarden {label.lower()}", required=False, max_length=500
        )
        self.fields[f"{key}_specification"] = forms.CharField(
            label=f"Specificatie bij 'anders' ({label.lower()})", required=False, max_length=500
        )

    def treatment_rows(self) -> list[dict]:
        rows = []
        for treatment in FIXED_TREATMENTS:
            rows.append(self._row(treatment.value, treatment.label, text=None))
        for n in range(OTHER_ROWS):
            rows.append(
                self._row(f"anders{n}", f"Andere behandeling {n + 1}", text=self[f"anders{n}_text"])
            )
        return rows

    def _row(self, key: str, label: str, *, text) -> dict:
        return {
            "label": label,
            "text": text,
            "decision": self[f"{key}_decision"],
            "conditions": self[f"{key}_conditions"],
            "specification": self[f"{key}_specification"],
        }

    def advance_rows(self) -> list[dict]:
        return [
            {
                "kind": self[f"wv{n}_kind"],
                "date": self[f"wv{n}_date"],
                "representative": self[f"wv{n}_representative"],
                "comment": self[f"wv{n}_comment"],
            }
            for n in range(ADVANCE_ROWS)
        ]

    def to_input(self) -> DocumentInput:
        data = self.cleaned_data
        directives = []
        for treatment in FIXED_TREATMENTS:
            key = treatment.value
            if data.get(f"{key}_decision"):
                directives.append(_directive(data, key, treatment.value))
        for n in range(OTHER_ROWS):
            key = f"anders{n}"
            if data.get(f"{key}_decision") or data.get(f"{key}_text"):
                directives.append(
                    _directive(data, key, Treatment.ANDERS, text=data.get(f"{key}_text", ""))
                )
        advances = [
            AdvanceDirectiveInput(
                kind=data[f"wv{n}_kind"],
                signed_on=data.get(f"wv{n}_date"),
                representative=data.get(f"wv{n}_representative", ""),
                comment=data.get(f"wv{n}_comment", ""),
            )
            for n in range(ADVANCE_ROWS)
            if data.get(f"wv{n}_kind")
        ]
        return DocumentInput(
            review_date=data["review_date"],
            directives=directives,
            advance_directives=advances,
            bejegeningsadvies=data.get("bejegeningsadvies", ""),
            normaal_gedrag=data.get("normaal_gedrag", ""),
            note=data.get("note", ""),
        )


def _directive(data: dict, key: str, treatment: str, *, text: str = "") -> DirectiveInput:
    return DirectiveInput(
        treatment=treatment,
        decision=data.get(f"{key}_decision") or "",
        conditions=data.get(f"{key}_conditions", ""),
        treatment_text=text,
        specification=data.get(f"{key}_specification", ""),
    )


def _initial(previous: HandoverDocument | None) -> dict:
    initial: dict = {"review_date": timezone.localdate() + timedelta(days=182)}
    if previous is None:
        return initial
    initial.update(
        bejegeningsadvies=previous.bejegeningsadvies,
        normaal_gedrag=previous.normaal_gedrag,
        note=previous.note,
    )
    others = 0
    for directive in previous.directives.all():
        if directive.expired_on:
            continue
        if directive.treatment == Treatment.ANDERS:
            if others >= OTHER_ROWS:
                continue
            key = f"anders{others}"
            initial[f"{key}_text"] = directive.treatment_text
            others += 1
        else:
            key = directive.treatment
        initial[f"{key}_decision"] = directive.decision
        initial[f"{key}_conditions"] = directive.conditions
        initial[f"{key}_specification"] = directive.specification
    for n, advance in enumerate(list(previous.advance_directives.all())[:ADVANCE_ROWS]):
        initial[f"wv{n}_kind"] = advance.kind
        initial[f"wv{n}_date"] = advance.signed_on
        initial[f"wv{n}_representative"] = advance.representative
        initial[f"wv{n}_comment"] = advance.comment
    return initial

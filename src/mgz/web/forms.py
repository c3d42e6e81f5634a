"""Forms of the web pages; labels and messages in Dutch."""

from __future__ import annotations

from django import forms

from mgz.availability.constants import Function, Mode
from mgz.availability.models import Arrangement, validate_pattern
from mgz.registry.models import Professional, phone_validator


class ArrangementForm(forms.ModelForm):
    """Change hours, mode, phone or end date of an existing arrangement."""

    class Meta:
        model = Arrangement
        fields = ["mode", "pattern", "phone", "valid_to"]
        widgets = {"valid_to": forms.DateInput(attrs={"type": "date"})}


class NewArrangementForm(forms.Form):
    function = forms.ChoiceField(label="Functie", choices=Function.choices)
    mode = forms.ChoiceField(label="Wijze", choices=Mode.choices)
    professional_code = forms.CharField(
        label="Zorgverlener (code)",
        required=False,
        help_text="Leeg laten voor een dienst van uw eigen organisatie.",
    )
    pattern = forms.CharField(
        label="Uren",
        validators=[validate_pattern],
        help_text="Bijvoorbeeld 'ma-vr 08:00-17:00' of 'anw'.",
    )
    phone = forms.CharField(label="Telefoon", validators=[phone_validator])

    def clean_professional_code(self) -> Professional | None:
        code = self.cleaned_data["professional_code"].strip()
        if not code:
            return None
        professional = Professional.objects.filter(code=code).first()
        if professional is None:
            raise forms.ValidationError("Geen zorgverlener met deze code.")
        return professional


class LookupForm(forms.Form):
    bsn = forms.CharField(
        label="BSN",
        required=False,
        max_length=9,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    family_name = forms.CharField(label="Achternaam", required=False, max_length=120)
    birth_date = forms.DateField(
        label="Geboortedatum",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self) -> dict:
        data = super().clean()
        bsn = (data.get("bsn") or "").strip()
        if not bsn and not (data.get("family_name") and data.get("birth_date")):
            raise forms.ValidationError("Vul een BSN in, of een achternaam én een geboortedatum.")
        data["bsn"] = bsn
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reden voor inzage",
        min_length=10,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Bijvoorbeeld: 'Telefonische triage, cliënt belt vanuit vakantieadres'. "
        "Deze inzage wordt vastgelegd en beoordeeld.",
    )


class AuditFilterForm(forms.Form):
    username = forms.CharField(label="Gebruiker", required=False)
    patient_code = forms.CharField(label="Cliëntcode", required=False)
    action = forms.ChoiceField(label="Handeling", required=False)
    flagged = forms.ChoiceField(
        label="Te beoordelen",
        required=False,
        choices=[("", "Alle"), ("ja", "Alleen te beoordelen"), ("nee", "Niet te beoordelen")],
    )
    since = forms.DateField(
        label="Vanaf", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs) -> None:
        from mgz.audit.constants import Action

        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", "Alle"), *Action.choices]

from __future__ import annotations

from django import forms
from django.utils import timezone

from mgz.registry.models import Region


class _RegionForm(forms.Form):
    region = forms.ModelChoiceField(Region.objects.none(), label="Regio", empty_label=None)
    time_limit = forms.IntegerField(
        label="Rekentijd (seconden)", min_value=1, max_value=300, initial=20
    )

    def __init__(self, *args, regions=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions if regions is not None else Region.objects.none()


class RosterForm(_RegionForm):
    start = forms.DateField(
        label="Eerste dag",
        widget=forms.DateInput(attrs={"type": "date"}),
        initial=timezone.localdate,
    )
    days = forms.IntegerField(label="Aantal dagen", min_value=1, max_value=120, initial=28)
    disciplines = forms.MultipleChoiceField(
        label="Disciplines",
        choices=[("SO", "SO"), ("AVG", "AVG")],
        initial=["SO", "AVG"],
        widget=forms.CheckboxSelectMultiple,
    )
    max_duties = forms.IntegerField(
        label="Hoogstens diensten per persoon", min_value=1, required=False
    )

    def parameters(self) -> dict:
        data = self.cleaned_data
        return {
            "start": data["start"].isoformat(),
            "days": data["days"],
            "disciplines": data["disciplines"],
            "max_duties": data["max_duties"],
            "time_limit": data["time_limit"],
        }


class AssignForm(_RegionForm):
    max_distance_km = forms.FloatField(
        label="Hoogstens afstand (km)", min_value=1, max_value=100, initial=15
    )

    def parameters(self) -> dict:
        data = self.cleaned_data
        return {"max_distance_km": data["max_distance_km"], "time_limit": data["time_limit"]}

"""Small pure snapshots for rule tests: a builder, and one region where every rule passes.

`complete_region()` returns a World in which every checkable rule passes (the three rules
that read regiotafel or handover data report 'niet te beoordelen' without it). Tests take it
and break one thing.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from mgz.core.calendar import TZ
from mgz.core.grid import Grid
from mgz.core.snapshot import (
    AbsenceSnap,
    ArrangementSnap,
    CareTeamSnap,
    LocationSnap,
    OrganisationSnap,
    PatientSnap,
    ProfessionalSnap,
    RegionSnap,
    Snapshot,
)
from mgz.core.weekpattern import parse_pattern

# Monday 7 December 2026; 28 days take in Christmas (25/26-12) and New Year's Day.
START = date(2026, 12, 7)
LONG_AGO = date(2020, 1, 1)


def sector_of(profile: str) -> str:
    if profile.startswith("VV"):
        return "vv"
    if profile.startswith("GGZ"):
        return "ggz"
    return "ghz"


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=TZ)


@dataclass
class World:
    regions: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    locations: list = field(default_factory=list)
    professionals: list = field(default_factory=list)
    patients: list = field(default_factory=list)
    care_team: list = field(default_factory=list)
    arrangements: list = field(default_factory=list)
    absences: list = field(default_factory=list)
    named: dict = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def next_id(self) -> int:
        return next(self._ids)

    def region(self, name: str = "Utrecht", **kw) -> RegionSnap:
        i = self.next_id()
        item = RegionSnap(i, kw.pop("code", f"R{i}"), name, **kw)
        self.regions.append(item)
        return item

    def organisation(self, kind: str, name: str, region: RegionSnap | None = None, **kw):
        i = self.next_id()
        item = OrganisationSnap(i, f"O{i}", name, kind, region.id if region else None, **kw)
        self.organisations.append(item)
        return item

    def location(self, org, region, name, treatment_model="zonder_behandeling", **kw):
        i = self.next_id()
        defaults = {
            "kind": "verpleeghuis",
            "quality_standard_date": LONG_AGO,
            "protocol_infection_date": LONG_AGO,
            "protocol_wzd_date": LONG_AGO,
            "protocol_other_date": LONG_AGO,
        }
        defaults.update(kw)
        item = LocationSnap(
            id=i,
            code=f"L{i}",
            name=name,
            organisation_id=org.id,
            region_id=region.id,
            treatment_model=treatment_model,
            **defaults,
        )
        self.locations.append(item)
        return item

    def professional(self, discipline: str, name: str | None = None, orgs=()):
        i = self.next_id()
        item = ProfessionalSnap(
            i, f"Z{i}", name or f"{discipline} {i}", discipline, "", tuple(o.id for o in orgs)
        )
        self.professionals.append(item)
        return item

    def patient(self, region, location=None, zorgprofiel="VV04", leveringsvorm="verblijf", **kw):
        i = self.next_id()
        defaults = {"has_companion": True}
        defaults.update(kw)
        item = PatientSnap(
            id=i,
            code=f"C{i}",
            zorgprofiel=zorgprofiel,
            sector=sector_of(zorgprofiel),
            leveringsvorm=leveringsvorm,
            region_id=region.id,
            location_id=location.id if location else None,
            home_postcode="" if location else "3500 AA",
            **defaults,
        )
        self.patients.append(item)
        return item

    def member(self, patient, professional, role="regiebehandelaar", start=LONG_AGO, end=None):
        item = CareTeamSnap(patient.id, professional.id, role, start, end)
        self.care_team.append(item)
        return item

    def arrangement(
        self,
        function: str,
        mode: str,
        pattern: str,
        *,
        professional=None,
        org=None,
        scope_kind: str = "regio",
        locations=(),
        patients=(),
        scope_org=None,
        region=None,
        subregion_id=None,
        sector: str = "",
        valid_from: date = LONG_AGO,
        valid_to: date | None = None,
    ) -> ArrangementSnap:
        i = self.next_id()
        item = ArrangementSnap(
            id=i,
            code=f"A{i}",
            function=function,
            mode=mode,
            scope_kind=scope_kind,
            pattern=parse_pattern(pattern),
            valid_from=valid_from,
            phone="030-1234567",
            valid_to=valid_to,
            professional_id=professional.id if professional else None,
            provider_organisation_id=org.id if org else None,
            location_ids=frozenset(x.id for x in locations),
            patient_ids=frozenset(x.id for x in patients),
            scope_organisation_id=scope_org.id if scope_org else None,
            scope_region_id=region.id if region else None,
            scope_subregion_id=subregion_id,
            scope_sector=sector,
        )
        self.arrangements.append(item)
        return item

    def absence(self, professional, start: datetime, end: datetime, replacement=None):
        i = self.next_id()
        item = AbsenceSnap(
            i, professional.id, "vakantie", start, end, replacement.id if replacement else None
        )
        self.absences.append(item)
        return item

    # edits -------------------------------------------------------------------------------
    def replace(self, item, **changes):
        """Swap an item (matched by identity) for a changed copy, in place; returns the copy."""
        new = replace(item, **changes)
        for name in (
            "regions",
            "organisations",
            "locations",
            "professionals",
            "patients",
            "care_team",
            "arrangements",
            "absences",
        ):
            items = getattr(self, name)
            for index, existing in enumerate(items):
                if existing is item:
                    items[index] = new
                    for key, value in self.named.items():
                        if value is item:
                            self.named[key] = new
                    return new
        raise LookupError(item)

    def remove(self, item) -> None:
        for name in ("care_team", "arrangements", "absences", "patients"):
            items = getattr(self, name)
            if item in items:
                items.remove(item)
                return
        raise LookupError(item)

    def __getitem__(self, name: str):
        return self.named[name]

    def snapshot(self, extra: dict | None = None) -> Snapshot:
        return Snapshot(
            regions=tuple(self.regions),
            organisations=tuple(self.organisations),
            locations=tuple(self.locations),
            professionals=tuple(self.professionals),
            patients=tuple(self.patients),
            care_team=tuple(self.care_team),
            arrangements=tuple(self.arrangements),
            absences=tuple(self.absences),
            extra=dict(extra or {}),
        )


def grid(days: int = 28, start: date = START) -> Grid:
    return Grid(start, days)


def complete_region(world: World | None = None, name: str = "Utrecht") -> World:
    """One region where every rule passes. Names in `world.named` let tests break one thing."""
    w = world or World()
    n = w.named
    region = n["region"] = w.region(name)
    hap = n["hap"] = w.organisation("hap", "HAP Midden", region)
    practice = n["practice"] = w.organisation("huisartsenpraktijk", "Huisartsen Zuid", region)
    vv = n["vv_org"] = w.organisation("zorgaanbieder_vv", "Zorggroep De Linde", region)
    ghz = n["ghz_org"] = w.organisation("zorgaanbieder_ghz", "Stichting De Berk", region)
    n["so_avg_org"] = w.organisation("so_avg_praktijk", "SO/AVG Praktijk", region)

    linde = n["linde"] = w.location(vv, region, "De Linde", hap_id=hap.id)
    hof = n["hof"] = w.location(
        vv, region, "De Hof", treatment_model="met_behandeling", hap_id=hap.id
    )
    berk = n["berk"] = w.location(ghz, region, "De Berk", kind="ghz_woonvoorziening", hap_id=hap.id)
    n["nieuw"] = w.location(
        vv,
        region,
        "De Nieuwe Hof",
        status="gepland",
        planned_opening=date(2027, 2, 1),
        hap_id=hap.id,
    )

    ha = n["ha"] = w.professional("huisarts", "H. Huisarts", [practice])
    so = n["so"] = w.professional("so", "S. Ouderen", [vv])
    avg = n["avg"] = w.professional("avg", "A. Verstandelijk", [ghz])
    n["ha2"] = w.professional("huisarts", "V. Vervanger", [practice])
    nurse_vv = n["nurse_vv"] = w.professional("verpleegkundige", "E. Linde", [vv])
    nurse_ghz = n["nurse_ghz"] = w.professional("persoonlijk_begeleider", "P. Berk", [ghz])
    casemanager = n["casemanager"] = w.professional("casemanager", "C. Thuis")

    n["a_ha_day"] = w.arrangement(
        "ha_zorg", "beschikbaar", "ma-vr 08:00-17:00", org=practice, region=region
    )
    n["a_hap"] = w.arrangement("ha_zorg", "beschikbaar", "anw", org=hap, region=region)
    n["a_hap_triage"] = w.arrangement("triage", "telefonisch", "anw", org=hap, region=region)
    n["a_so"] = w.arrangement("so_zorg", "beschikbaar", "altijd", professional=so, region=region)
    n["a_avg"] = w.arrangement("avg_zorg", "beschikbaar", "altijd", professional=avg, region=region)
    n["a_gedrag"] = w.arrangement("gedragskundige", "bereikbaar", "altijd", org=ghz, region=region)
    n["a_voorwacht_vv"] = w.arrangement(
        "verpleegkundige_voorwacht",
        "bereikbaar",
        "altijd",
        org=vv,
        scope_kind="organisatie",
        scope_org=vv,
    )
    n["a_voorwacht_ghz"] = w.arrangement(
        "verpleegkundige_voorwacht",
        "bereikbaar",
        "altijd",
        org=ghz,
        scope_kind="organisatie",
        scope_org=ghz,
    )

    # VV at De Linde (without treatment): ION at the practice, the HA leads.
    p = n["p_linde"] = w.patient(
        region, linde, "VV05", ion_practice_id=practice.id, coordinator_id=nurse_vv.id
    )
    w.member(p, ha)
    w.member(p, so, role="consulent")
    # VV at De Hof (with treatment): no ION, the SO leads.
    p = n["p_hof"] = w.patient(region, hof, "VV06", coordinator_id=nurse_vv.id)
    w.member(p, so)
    # GHZ at De Berk: ION, HA leads, AVG co-treats.
    p = n["p_berk"] = w.patient(
        region, berk, "VG05", ion_practice_id=practice.id, coordinator_id=nurse_ghz.id
    )
    w.member(p, ha)
    w.member(p, avg, role="medebehandelaar")
    # VV at home with MPT.
    p = n["p_home"] = w.patient(
        region, None, "VV04", leveringsvorm="mpt", coordinator_id=casemanager.id
    )
    w.member(p, ha)
    return w

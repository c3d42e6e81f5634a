"""The synthetic Netherlands: one zorgkantoorregio at a time, as unsaved model rows.

The builder never queries the database: it gives every row an explicit primary key from a
counter, so foreign keys are known before anything is written and a region can be written
with plain bulk inserts (see `loader.py`). Rows of one region are handed over as a `Batch`
and dropped after writing, which keeps memory flat at national scale.

Most of the country is well arranged; some imperfections are planted on purpose at the
rates in `reference.IMPERFECTION_RATES`, and their codes are recorded in `Context.planted`
so tests (and later conformance checks) can find them.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from functools import cache
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.db import models

from mgz.availability.constants import AbsenceKind, Function, Mode, ScopeKind
from mgz.availability.models import Absence, Arrangement
from mgz.demo import names, synth
from mgz.demo import reference as ref
from mgz.registry import bsn_crypto
from mgz.registry.constants import (
    CareTeamRole,
    Discipline,
    Leveringsvorm,
    LocationKind,
    LocationStatus,
    OrganisationKind,
    Sector,
    TreatmentModel,
    sector_of,
)
from mgz.registry.models import (
    CareTeamMember,
    ContactPerson,
    Location,
    Organisation,
    Patient,
    Professional,
    ProfessionalRole,
    Region,
    Subregion,
)

TZ = ZoneInfo("Europe/Amsterdam")
ArrangementLocation = Arrangement.locations.through
ArrangementPatient = Arrangement.patients.through

# Foreign keys point backwards in this order, so batches are written in it.
INSERT_ORDER: tuple[type[models.Model], ...] = (
    Region,
    Subregion,
    Organisation,
    Location,
    Professional,
    ProfessionalRole,
    Patient,
    ContactPerson,
    CareTeamMember,
    Arrangement,
    ArrangementLocation,
    ArrangementPatient,
    Absence,
)
# Models whose primary keys the builder assigns (the M2M rows get theirs from the database).
KEYED_MODELS = tuple(m for m in INSERT_ORDER if m not in (ArrangementLocation, ArrangementPatient))

IMPERFECTION_KINDS: tuple[str, ...] = (
    *ref.IMPERFECTION_RATES,
    "planned_location_without_arrangements",
)
IMPERFECTION_LABELS = {
    "vv_location_without_anw_so": "VV-locaties zonder ANW-bereikbaarheid van een SO",
    "patient_without_coordinator": "cliënten zonder coördinator niet-medische zorg",
    "location_without_infection_protocol": "locaties zonder protocol infectiepreventie",
    "location_without_wzd_protocol": "locaties zonder Wzd-protocol",
    "patient_without_companion": "cliënten zonder begeleider bij artsbezoek",
    "pgb_wooninitiatief_without_arrangements": "pgb-wooninitiatieven zonder MGZ-afspraken",
    "ion_gp_with_so_regiebehandelaar": "cliënten met ION bij een huisarts en een SO als regiebehandelaar",
    "met_behandeling_patient_with_ion": "cliënten met behandeling die toch ION bij een huisarts hebben",
    "ghz_patient_only_avg": "GHZ-cliënten met alleen een AVG in het behandelteam",
    "location_without_voorwacht": "locaties zonder verpleegkundige voorwacht",
    "location_without_gedragskundige_anw": "locaties zonder gedragskundige voorwacht in de ANW",
    "patient_without_regiebehandelaar": "cliënten zonder regiebehandelaar MGZ",
    "absence_without_replacement": "afwezigheden zonder vervanger",
    "absence_with_replacement": "afwezigheden met vervanger",
    "planned_location_without_arrangements": "geplande locaties zonder MGZ-afspraken",
}

QUALITY_STANDARD = {
    Sector.VV: "Kwaliteitskader Verpleeghuiszorg",
    Sector.GHZ: "Kwaliteitskader Gehandicaptenzorg",
    Sector.GGZ: "Kwaliteitsstandaard Langdurige GGZ",
}
SECTOR_OF_KIND = {
    LocationKind.VERPLEEGHUIS: Sector.VV,
    LocationKind.KLEINSCHALIG_WONEN: Sector.VV,
    LocationKind.GECLUSTERD_WONEN: Sector.VV,
    LocationKind.GHZ_WOONVOORZIENING: Sector.GHZ,
    LocationKind.GGZ_WOONVOORZIENING: Sector.GGZ,
}
PROVIDER_KIND = {
    Sector.VV: OrganisationKind.ZORGAANBIEDER_VV,
    Sector.GHZ: OrganisationKind.ZORGAANBIEDER_GHZ,
    Sector.GGZ: OrganisationKind.ZORGAANBIEDER_GGZ,
}
LOCATION_PREFIX = {
    LocationKind.VERPLEEGHUIS: "Verpleeghuis",
    LocationKind.KLEINSCHALIG_WONEN: "Kleinschalig wonen",
    LocationKind.GECLUSTERD_WONEN: "Woonzorgcentrum",
    LocationKind.GHZ_WOONVOORZIENING: "Woonvoorziening",
    LocationKind.GGZ_WOONVOORZIENING: "Beschermd wonen",
}
OCCUPANCY = 0.95


class Row(SimpleNamespace):
    """One unsaved row: the model's field attnames as attributes.

    Django model instances cost tens of microseconds each to build; at two million rows
    that alone would take minutes, so rows are plain namespaces the writer reads directly.
    """


@cache
def _defaults(model: type[models.Model]) -> dict[str, object]:
    return {field.attname: field.get_default() for field in model._meta.concrete_fields}


class Batch:
    """Unsaved rows of one region (or of the national organisations), by model."""

    def __init__(self) -> None:
        # Model instances, except (left id, right id) pairs for the many-to-many tables.
        self.rows: dict[type[models.Model], list] = defaultdict(list)

    def counts(self) -> dict[str, int]:
        return {_label(model): len(self.rows[model]) for model in INSERT_ORDER}


def _label(model: type[models.Model]) -> str:
    return model._meta.label


class Context:
    """What the regions share: the seed, the reference day, key counters, planted codes."""

    def __init__(self, seed: int, today: date, first_ids: dict[type[models.Model], int]) -> None:
        self.seed = seed
        self.today = today
        self.next_id = {model: first_ids.get(model, 1) for model in KEYED_MODELS}
        self.bsn = synth.BsnSequence(random.Random(f"{seed}:bsn"))
        self.planted: dict[str, list[str]] = {kind: [] for kind in IMPERFECTION_KINDS}
        self.batch = Batch()
        self.national: dict[str, Row] = {}

    def new(self, model: type[models.Model], **fields: object) -> Row:
        pk = self.next_id[model]
        self.next_id[model] = pk + 1
        return self.add(model, id=pk, **fields)

    def add(self, model: type[models.Model], **fields: object) -> Row:
        """A row with the model's defaults for every field not given (the id included)."""
        values = dict(_defaults(model))
        values.update(fields)
        row = Row(**values)
        self.batch.rows[model].append(row)
        return row

    def link(self, model: type[models.Model], left: int, right: int) -> None:
        """A many-to-many row, kept as a plain (left id, right id) pair: there are many."""
        self.batch.rows[model].append((left, right))

    def take(self) -> Batch:
        batch, self.batch = self.batch, Batch()
        return batch


def build_national(ctx: Context) -> Batch:
    """Organisations that work across regions: zorgverzekeraars and the ANW AVG service."""
    rng = random.Random(f"{ctx.seed}:national")
    for number, name in enumerate(("Noord", "Oost", "Zuid", "West"), start=1):
        ctx.national[f"zv{number}"] = ctx.new(
            Organisation,
            code=f"NL-ZV{number}",
            name=f"Zorgverzekeraar {name} (demo)",
            kind=OrganisationKind.ZORGVERZEKERAAR,
            phone=synth.phone(rng, "UTR"),
        )
    ctx.national["avg_anw"] = ctx.new(
        Organisation,
        code="NL-AVG-ANW",
        name="AVG-bereikbaarheidsdienst Nederland",
        kind=OrganisationKind.SO_AVG_PRAKTIJK,
        phone=synth.phone(rng, "UTR"),
    )
    return ctx.take()


class _PatientPlan:
    __slots__ = (
        "coordinator",
        "home_sub",
        "id",
        "ion",
        "location",
        "lv",
        "only_avg",
        "patient",
        "regie",
        "sector",
        "so_regie",
        "wijk",
        "without_regie",
    )

    def __init__(self, sector: str, lv: str) -> None:
        self.sector, self.lv = sector, lv
        self.location: _Loc | None = None
        self.home_sub = 0
        self.ion: _Practice | None = None
        self.only_avg = self.so_regie = self.without_regie = False
        self.coordinator: Row | None = None
        self.wijk: Row | None = None


class _Loc:
    __slots__ = (
        "avg",
        "gp_practice",
        "kind",
        "met",
        "obj",
        "provider",
        "residents",
        "size",
        "so",
        "sub",
    )

    def __init__(self, kind: str, met: bool, size: int = 0) -> None:
        self.kind, self.met, self.size = kind, met, size
        self.residents: list[_PatientPlan] = []
        self.sub = 0
        self.provider: _Provider | None = None
        self.gp_practice: _Practice | None = None
        self.so: Row | None = None
        self.avg: Row | None = None
        self.obj: Row | None = None


class _Practice:
    __slots__ = ("gps", "home_patients", "locations", "obj", "sub")

    def __init__(self, obj: Row, sub: int) -> None:
        self.obj, self.sub = obj, sub
        self.gps: list[Row] = []
        self.locations: list[_Loc] = []
        self.home_patients: list[_PatientPlan] = []


class _Provider:
    __slots__ = ("avgs", "behavioural", "locs", "obj", "sector", "sos")

    def __init__(self, obj: Row, sector: str, locs: list[_Loc]) -> None:
        self.obj, self.sector, self.locs = obj, sector, locs
        self.sos: list[Row] = []
        self.avgs: list[Row] = []
        self.behavioural: Row | None = None


class RegionBuilder:
    """Builds one region's rows into `ctx.batch`; `tiny` shrinks it to a few dozen clients."""

    def __init__(
        self, ctx: Context, spec: ref.RegionSpec, n_patients: int, *, tiny: bool = False
    ) -> None:
        self.ctx, self.spec, self.code = ctx, spec, spec.code
        self.rng = random.Random(f"{ctx.seed}:{spec.code}")
        self.n_patients = n_patients
        self.tiny = tiny
        share = n_patients / ref.WLZ_CLIENTS
        self.n_practices = max(3, round(ref.GP_PRACTICES * share))
        self.n_gps = max(self.n_practices + 1, round(ref.GPS * share))
        self.n_sos = max(3, round(ref.SOS * share))
        self.n_avgs = max(2, round(ref.AVGS * share))
        self.n_haps = max(1, round(ref.HAPS * share))
        self.n_hds = max(1, min(self.n_haps, round(ref.HDS_ORGANISATIONS * share)))
        self.counters: dict[str, int] = defaultdict(int)
        self.today = ctx.today
        self._pending: dict[str, list[_PatientPlan]] = {}

    # -- small helpers -------------------------------------------------------------------

    def _code(self, kind: str, width: int = 4) -> str:
        self.counters[kind] += 1
        return f"{self.code}-{kind}{self.counters[kind]:0{width}d}"

    def _phone(self) -> str:
        return synth.phone(self.rng, self.code)

    def _plant(self, kind: str, candidates: Sequence, *, minimum: int = 1) -> list:
        rate = ref.IMPERFECTION_RATES[kind]
        count = min(len(candidates), max(minimum, round(rate * len(candidates))))
        chosen = self.rng.sample(list(candidates), count)
        return chosen

    def _record(self, kind: str, codes: list[str]) -> None:
        self.ctx.planted[kind].extend(sorted(codes))

    def _sizes(self, kind: str) -> tuple[int, int]:
        low, high = ref.LOCATION_SIZES[kind]
        if self.tiny:
            return max(3, low // 4), max(5, high // 5)
        return low, high

    def _professional(self, discipline: str, org: Row, title: str, prefix: str) -> Row:
        _, family = synth.person_name(self.rng)
        phone = self._phone()
        prof = self.ctx.new(
            Professional,
            code=self._code(prefix),
            initials=synth.initials(self.rng),
            family_name=family,
            discipline=discipline,
            phone=synth.mobile(self.rng) if self.rng.random() < 0.5 else phone,
        )
        self.ctx.new(
            ProfessionalRole,
            professional_id=prof.id,
            organisation_id=org.id,
            title=title,
            phone=phone,
            start=self.today - timedelta(days=self.rng.randrange(60, 6000)),
        )
        return prof

    def _org(self, kind: str, name: str, prefix: str, **extra: object) -> Row:
        return self.ctx.new(
            Organisation,
            code=self._code(prefix, 3),
            name=name,
            kind=kind,
            region_id=self.region.id,
            phone=self._phone(),
            **extra,
        )

    def _arrangement(
        self,
        *,
        function: str,
        mode: str,
        pattern: str,
        scope_kind: str,
        phone: str,
        professional: Row | None = None,
        provider: Row | None = None,
        locations: Sequence[_Loc] = (),
        patients: Sequence[_PatientPlan] = (),
        scope_organisation: Row | None = None,
        scope_sector: str = "",
        note: str = "",
    ) -> None:
        arrangement = self.ctx.new(
            Arrangement,
            code=self._code("A", 5),
            function=function,
            mode=mode,
            professional_id=professional.id if professional else None,
            provider_organisation_id=provider.id if provider else None,
            scope_kind=scope_kind,
            scope_organisation_id=scope_organisation.id if scope_organisation else None,
            scope_region_id=self.region.id if scope_kind == ScopeKind.PATIENT_GROUP else None,
            scope_sector=scope_sector,
            pattern=pattern,
            valid_from=self.today - timedelta(days=self.rng.randrange(30, 1500)),
            phone=phone,
            note=note,
        )
        for loc in locations:
            self.ctx.link(ArrangementLocation, arrangement.id, loc.obj.id)
        for plan in patients:
            self.ctx.link(ArrangementPatient, arrangement.id, plan.id)

    # -- the region ----------------------------------------------------------------------

    def build(self) -> Batch:
        self._structure()
        self._plan_patients()
        self._plan_locations()
        self._providers()
        self._practices()
        self._physicians()
        self._write_locations()
        self._coordinators()
        self._patients()
        self._arrangements()
        self._absences()
        return self.ctx.take()

    def _structure(self) -> None:
        spec, rng = self.spec, self.rng
        self.region = self.ctx.new(Region, code=spec.code, name=spec.name)
        self.zorgkantoor = self._org(OrganisationKind.ZORGKANTOOR, f"Zorgkantoor {spec.name}", "ZK")
        self.hds = [
            self._org(
                OrganisationKind.RHO,
                f"Huisartsendienstenstructuur {spec.name}"
                + (f" {n + 1}" if self.n_hds > 1 else ""),
                "HDS",
            )
            for n in range(self.n_hds)
        ]
        self.subregions: list[Row] = []
        self.haps: list[Row] = []
        for n in range(self.n_haps):
            town = spec.towns[n % len(spec.towns)]
            suffix = f" {n // len(spec.towns) + 1}" if n >= len(spec.towns) else ""
            self.subregions.append(
                self.ctx.new(
                    Subregion,
                    region_id=self.region.id,
                    code=f"{spec.code}-SR{n + 1:02d}",
                    name=f"Huisartsenpostgebied {town}{suffix}",
                )
            )
            hds_name = self.hds[n % self.n_hds].name
            self.haps.append(
                self._org(
                    OrganisationKind.HAP,
                    f"Huisartsenpost {town}{suffix} ({hds_name})",
                    "HAP",
                )
            )
        self.towns = [spec.towns[n % len(spec.towns)] for n in range(self.n_haps)]
        self.so_dienst = self._org(
            OrganisationKind.SO_AVG_PRAKTIJK, f"SO-dienst {spec.name}", "SOD"
        )
        self.avg_praktijk = self._org(
            OrganisationKind.SO_AVG_PRAKTIJK, f"AVG-praktijk {spec.name}", "AVGP"
        )
        n_wijk = max(1, round(self.n_patients / 2500))
        self.wijk = [
            self._org(
                OrganisationKind.WIJKVERPLEGING,
                f"Wijkverpleging {rng.choice(names.PLACE_WORDS)} {self.towns[n % len(self.towns)]}",
                "WV",
            )
            for n in range(n_wijk)
        ]
        self.gemeenten = [
            self._org(OrganisationKind.GEMEENTE, f"Gemeente {town}", "GEM")
            for town in spec.towns[: max(2, min(5, self.n_haps + 1))]
        ]

    def _plan_patients(self) -> None:
        rng = self.rng
        cells = {
            (sector, lv): ref.SECTOR_SHARE[sector] * share
            for sector, by_lv in ref.LEVERINGSVORM_SHARE.items()
            for lv, share in by_lv.items()
        }
        counts = synth.apportion(self.n_patients, {f"{s}|{lv}": v for (s, lv), v in cells.items()})
        self.plans: list[_PatientPlan] = []
        for key, count in counts.items():
            sector, lv = key.split("|")
            self.plans.extend(_PatientPlan(sector, lv) for _ in range(count))
        rng.shuffle(self.plans)
        for n, plan in enumerate(self.plans):
            plan.id = self.ctx.next_id[Patient] + n
        self.ctx.next_id[Patient] += len(self.plans)

    def _plan_locations(self) -> None:
        """Residential locations of realistic sizes, filled to about 95%."""
        rng = self.rng
        by_kind: dict[str, list[_PatientPlan]] = defaultdict(list)
        vv_kinds = list(ref.VV_LOCATION_MIX)
        vv_weights = list(ref.VV_LOCATION_MIX.values())
        for plan in self.plans:
            if plan.lv == Leveringsvorm.VERBLIJF:
                if plan.sector == Sector.VV:
                    kind = rng.choices(vv_kinds, vv_weights)[0]
                elif plan.sector == Sector.GHZ:
                    kind = LocationKind.GHZ_WOONVOORZIENING
                else:
                    kind = LocationKind.GGZ_WOONVOORZIENING
                by_kind[kind].append(plan)
            elif plan.lv == Leveringsvorm.PGB and rng.random() < ref.PGB_IN_WOONINITIATIEF:
                by_kind[LocationKind.PGB_WOONINITIATIEF].append(plan)
        # Wooninitiatieven group residents of one sector together where they can.
        by_kind[LocationKind.PGB_WOONINITIATIEF].sort(key=lambda p: p.sector)
        self.locs: list[_Loc] = []
        for kind in LocationKind.values:
            residents = by_kind.get(kind, [])
            if not residents:
                continue
            low, high = self._sizes(kind)
            share = ref.MET_BEHANDELING_SHARE[kind]
            locs: list[_Loc] = []
            capacity = 0
            while capacity * OCCUPANCY < len(residents):
                n = len(locs)
                met = (n == 0) if 0 < share < 1 and n < 2 else rng.random() < share
                loc = _Loc(kind, met)
                size = rng.randint(low, high)
                loc.size = size
                capacity += size
                locs.append(loc)
            if kind == LocationKind.PGB_WOONINITIATIEF:
                # Fill in order, so each wooninitiatief is (mostly) one sector.
                start = 0
                for loc in locs:
                    take = max(1, round(loc.size * len(residents) / capacity))
                    loc.residents = residents[start : start + take]
                    start += take
                locs[-1].residents.extend(residents[start:])
            else:
                slots = [loc for loc in locs for _ in range(loc.size)]
                rng.shuffle(slots)
                for plan, loc in zip(residents, slots, strict=False):
                    loc.residents.append(plan)
            locs = [loc for loc in locs if loc.residents]
            for loc in locs:
                loc.sub = rng.randrange(self.n_haps)
                for plan in loc.residents:
                    plan.location = loc
            self.locs.extend(locs)
        for plan in self.plans:
            if plan.location is None:
                plan.home_sub = rng.randrange(self.n_haps)

    def _providers(self) -> None:
        rng = self.rng
        self.providers: list[_Provider] = []
        group_max = {Sector.VV: 10, Sector.GHZ: 12, Sector.GGZ: 4}
        prefixes = {
            Sector.VV: names.VV_PROVIDER_PREFIX,
            Sector.GHZ: names.GHZ_PROVIDER_PREFIX,
            Sector.GGZ: names.GGZ_PROVIDER_PREFIX,
        }
        for sector in (Sector.VV, Sector.GHZ, Sector.GGZ):
            locs = [
                loc
                for loc in self.locs
                if loc.kind != LocationKind.PGB_WOONINITIATIEF
                and SECTOR_OF_KIND[loc.kind] == sector
            ]
            rng.shuffle(locs)
            while locs:
                size = min(len(locs), 1 + int(rng.expovariate(1 / 3)) % group_max[sector])
                group, locs = locs[:size], locs[size:]
                org = self._org(
                    PROVIDER_KIND[sector],
                    f"{rng.choice(prefixes[sector])} {rng.choice(names.PLACE_WORDS)}",
                    sector.upper(),
                )
                provider = _Provider(org, sector, group)
                for loc in group:
                    loc.provider = provider
                self.providers.append(provider)
        for loc in self.locs:
            if loc.kind == LocationKind.PGB_WOONINITIATIEF:
                sectors = [plan.sector for plan in loc.residents]
                sector = max(set(sectors), key=sectors.count) if sectors else Sector.GHZ
                org = self._org(
                    PROVIDER_KIND[sector],
                    f"{rng.choice(names.PGB_PREFIX)} {rng.choice(names.PLACE_WORDS)}",
                    "PGB",
                    contracted=False,
                    pgb_only=True,
                )
                loc.provider = _Provider(org, sector, [loc])
                self.providers.append(loc.provider)
        # One planned location per region, with an opening date ahead and nothing arranged.
        vv_provider = next(p for p in self.providers if p.sector == Sector.VV)
        planned = _Loc(LocationKind.KLEINSCHALIG_WONEN, False)
        planned.provider = vv_provider
        planned.sub = rng.randrange(self.n_haps)
        self.planned = planned

    def _practices(self) -> None:
        rng = self.rng
        self.practices: list[_Practice] = []
        for n in range(self.n_practices):
            sub = n % self.n_haps
            name = f"Huisartsenpraktijk {rng.choice(names.PLACE_WORDS)} {self.towns[sub]}"
            self.practices.append(
                _Practice(self._org(OrganisationKind.HUISARTSENPRAKTIJK, name, "HA"), sub)
            )
        # Every practice has a GP; the rest go to random practices (solo to group practices).
        owners = list(range(self.n_practices)) + [
            rng.randrange(self.n_practices) for _ in range(self.n_gps - self.n_practices)
        ]
        for index in owners:
            practice = self.practices[index]
            practice.gps.append(
                self._professional(Discipline.HUISARTS, practice.obj, "huisarts", "GP")
            )
        self.practices_by_sub: dict[int, list[_Practice]] = defaultdict(list)
        for practice in self.practices:
            self.practices_by_sub[practice.sub].append(practice)

    def _practice_near(self, sub: int) -> _Practice:
        return self.rng.choice(self.practices_by_sub.get(sub) or self.practices)

    def _physicians(self) -> None:
        """SOs employed by VV providers with behandeling and by the SO-dienst; AVGs likewise."""
        rng = self.rng
        vv_met = [p for p in self.providers if p.sector == Sector.VV and any(x.met for x in p.locs)]
        ghz_met = [
            p for p in self.providers if p.sector == Sector.GHZ and any(x.met for x in p.locs)
        ]
        self.dienst_sos = [
            self._professional(Discipline.SO, self.so_dienst, "specialist ouderengeneeskunde", "SO")
            for _ in range(max(1, round(self.n_sos * 0.25)))
        ]
        employed = max(len(vv_met), self.n_sos - len(self.dienst_sos)) if vv_met else 0
        for n in range(employed):
            provider = vv_met[n % len(vv_met)] if n < len(vv_met) else rng.choice(vv_met)
            provider.sos.append(
                self._professional(
                    Discipline.SO, provider.obj, "specialist ouderengeneeskunde", "SO"
                )
            )
        self.praktijk_avgs = [
            self._professional(
                Discipline.AVG, self.avg_praktijk, "arts verstandelijk gehandicapten", "AVG"
            )
            for _ in range(max(1, self.n_avgs - len(ghz_met)))
        ]
        for provider in ghz_met:
            provider.avgs.append(
                self._professional(
                    Discipline.AVG, provider.obj, "arts verstandelijk gehandicapten", "AVG"
                )
            )
        for provider in self.providers:
            met_locs = [x for x in provider.locs if x.met]
            for n, loc in enumerate(met_locs):
                if provider.sos:
                    loc.so = provider.sos[n % len(provider.sos)]
                if provider.avgs:
                    loc.avg = provider.avgs[n % len(provider.avgs)]
            if provider.obj.contracted and provider.locs:
                discipline = {
                    Sector.VV: Discipline.GZ_PSYCHOLOOG,
                    Sector.GHZ: Discipline.ORTHOPEDAGOOG,
                    Sector.GGZ: Discipline.GZ_PSYCHOLOOG,
                }[provider.sector]
                provider.behavioural = self._professional(
                    discipline, provider.obj, "gedragskundige", "GK"
                )
        # The vaste huisarts practice of every location without behandeling (and of GHZ
        # locations with behandeling, whose GP care the provider contracts in).
        for loc in self.locs:
            if not loc.met or loc.kind == LocationKind.GHZ_WOONVOORZIENING:
                loc.gp_practice = self._practice_near(loc.sub)
                loc.gp_practice.locations.append(loc)

    def _write_locations(self) -> None:
        rng, spec, today = self.rng, self.spec, self.today
        all_locs = [*self.locs, self.planned]
        for loc in all_locs:
            sector = loc.provider.sector
            town = self.towns[loc.sub]
            word = rng.choice(names.PLACE_WORDS)
            if loc.kind == LocationKind.PGB_WOONINITIATIEF:
                name = loc.provider.obj.name
            else:
                name = f"{LOCATION_PREFIX[loc.kind]} {word}"
            if loc is self.planned:
                capacity = rng.randint(*self._sizes(loc.kind))
            else:
                capacity = max(len(loc.residents), loc.size)
            implemented = today - timedelta(days=rng.randrange(200, 3000))
            loc.obj = self.ctx.new(
                Location,
                code=self._code("L"),
                organisation_id=loc.provider.obj.id,
                name=f"{name} ({town})",
                region_id=self.region.id,
                subregion_id=self.subregions[loc.sub].id,
                street=synth.street(rng),
                postcode=synth.postcode(rng, spec),
                city=town,
                latitude=round(spec.latitude + rng.gauss(0, 0.07), 5),
                longitude=round(spec.longitude + rng.gauss(0, 0.1), 5),
                kind=loc.kind,
                treatment_model=TreatmentModel.MET_BEHANDELING
                if loc.met
                else TreatmentModel.ZONDER_BEHANDELING,
                capacity=capacity,
                status=LocationStatus.GEPLAND if loc is self.planned else LocationStatus.OPEN,
                planned_opening=today + timedelta(days=rng.randrange(60, 240))
                if loc is self.planned
                else None,
                hap_id=self.haps[loc.sub].id,
                quality_standard=QUALITY_STANDARD[sector],
                quality_standard_date=implemented,
                protocol_infection_date=implemented + timedelta(days=rng.randrange(0, 150)),
                protocol_wzd_date=implemented + timedelta(days=rng.randrange(0, 150)),
                protocol_other_date=implemented,
            )
        self._record("planned_location_without_arrangements", [self.planned.obj.code])
        for kind, attr in (
            ("location_without_infection_protocol", "protocol_infection_date"),
            ("location_without_wzd_protocol", "protocol_wzd_date"),
        ):
            chosen = self._plant(kind, self.locs)
            for loc in chosen:
                setattr(loc.obj, attr, None)
            self._record(kind, [loc.obj.code for loc in chosen])

    def _coordinators(self) -> None:
        """Coordinators of non-medical care (2.3.1.1): staff at locations, wijkverpleging at home."""
        rng = self.rng
        for loc in self.locs:
            if not loc.residents:
                continue
            discipline, title = (
                (Discipline.VERZORGENDE, "EVV'er")
                if loc.provider.sector == Sector.VV
                else (Discipline.PERSOONLIJK_BEGELEIDER, "persoonlijk begeleider")
            )
            staff = [
                self._professional(discipline, loc.provider.obj, title, "CO")
                for _ in range(math.ceil(len(loc.residents) / ref.RESIDENTS_PER_COORDINATOR))
            ]
            for plan in loc.residents:
                plan.coordinator = rng.choice(staff)
        home = [plan for plan in self.plans if plan.location is None]
        wijk_staff: dict[int, list[Row]] = {}
        for n, org in enumerate(self.wijk):
            count = max(1, math.ceil(len(home) / ref.HOME_CLIENTS_PER_COORDINATOR / len(self.wijk)))
            wijk_staff[n] = [
                self._professional(
                    Discipline.CASEMANAGER if k % 3 == 0 else Discipline.VERPLEEGKUNDIGE,
                    org,
                    "casemanager dementie" if k % 3 == 0 else "wijkverpleegkundige",
                    "CO",
                )
                for k in range(count)
            ]
        gemeente_staff = [
            self._professional(
                Discipline.PERSOONLIJK_BEGELEIDER, org, "consulent sociaal domein", "CO"
            )
            for org in self.gemeenten
        ]
        for plan in home:
            n = rng.randrange(len(self.wijk))
            plan.wijk = self.wijk[n]
            if plan.lv == Leveringsvorm.PGB and rng.random() < 0.5:
                plan.coordinator = rng.choice(gemeente_staff)
            else:
                plan.coordinator = rng.choice(wijk_staff[n])
        chosen = self._plant("patient_without_coordinator", self.plans)
        for plan in chosen:
            plan.coordinator = None
        self._record_patients("patient_without_coordinator", chosen)

    def _record_patients(self, kind: str, plans: list[_PatientPlan]) -> None:
        self._pending.setdefault(kind, []).extend(plans)

    def _patients(self) -> None:
        rng, today, ctx = self.rng, self.today, self.ctx
        plans = self.plans
        # ION: at the location's vaste huisarts, or near home; none with behandeling.
        for plan in plans:
            loc = plan.location
            if loc is None:
                plan.ion = self._practice_near(plan.home_sub)
                plan.ion.home_patients.append(plan)
            elif loc.gp_practice is not None and not loc.met:
                plan.ion = loc.gp_practice
        # Planted care-team imperfections, on disjoint groups of patients.
        ghz = [p for p in plans if p.sector == Sector.GHZ]
        ghz.sort(key=lambda p: not (p.location and p.location.met))
        only_avg = self._plant("ghz_patient_only_avg", ghz[: max(1, len(ghz) // 3)])
        for plan in only_avg:
            plan.only_avg = True
            if plan.ion is not None and plan in plan.ion.home_patients:
                plan.ion.home_patients.remove(plan)
            plan.ion = None
        vv_ion = [p for p in plans if p.sector == Sector.VV and p.ion is not None]
        so_regie = self._plant("ion_gp_with_so_regiebehandelaar", vv_ion)
        for plan in so_regie:
            plan.so_regie = True
        taken = set(map(id, only_avg)) | set(map(id, so_regie))
        rest = [p for p in plans if id(p) not in taken]
        without = self._plant("patient_without_regiebehandelaar", rest)
        for plan in without:
            plan.without_regie = True
        met_residents = [p for p in plans if p.location and p.location.met and not p.only_avg]
        with_ion = self._plant("met_behandeling_patient_with_ion", met_residents)
        for plan in with_ion:
            plan.ion = self._practice_near(plan.location.sub)
        no_companion = set(map(id, self._plant("patient_without_companion", plans)))
        self._record_patients("ghz_patient_only_avg", only_avg)
        self._record_patients("ion_gp_with_so_regiebehandelaar", so_regie)
        self._record_patients("patient_without_regiebehandelaar", without)
        self._record_patients("met_behandeling_patient_with_ion", with_ion)

        profiles = {
            sector: (list(weights), list(_cumulative(weights.values())))
            for sector, weights in ref.ZORGPROFIEL_WEIGHTS.items()
        }
        for n, plan in enumerate(plans):
            codes, cum = profiles[plan.sector]
            profiel = rng.choices(codes, cum_weights=cum)[0]
            given, family = synth.person_name(rng)
            birth = _birth_date(rng, plan.sector, profiel, today)
            bsn = ctx.bsn.next()
            loc = plan.location
            companion_name = companion_phone = ""
            contact_family = family if rng.random() < 0.7 else rng.choice(names.FAMILY_NAMES)
            contact_given, _ = synth.person_name(rng)
            contact_phone = synth.mobile(rng)
            if id(plan) not in no_companion:
                if loc is not None and rng.random() < 0.3 and plan.coordinator is not None:
                    companion_name = f"{plan.coordinator.initials} {plan.coordinator.family_name}"
                    companion_phone = self._phone()
                else:
                    companion_name = f"{contact_given} {contact_family}"
                    companion_phone = contact_phone
            vb = profiel.startswith(("VG", "LVG", "SGLVG")) or (
                plan.sector == Sector.GHZ and rng.random() < 0.1
            )
            patient = ctx.add(
                Patient,
                id=plan.id,
                code=f"{self.code}-C{n + 1:05d}",
                bsn_encrypted=bsn_crypto.encrypt(bsn),
                bsn_hash=bsn_crypto.search_key(bsn),
                given_name=given,
                family_name=family,
                birth_date=birth,
                zorgprofiel=profiel,
                sector=sector_of(profiel),
                verstandelijke_beperking=vb,
                leveringsvorm=plan.lv,
                behandeling_ingekocht=bool(loc and loc.met),
                region_id=self.region.id,
                location_id=loc.obj.id if loc else None,
                home_postcode="" if loc else synth.postcode(rng, self.spec),
                ion_practice_id=plan.ion.obj.id if plan.ion else None,
                ion_chose_other=False,
                coordinator_id=plan.coordinator.id if plan.coordinator else None,
                companion_name=companion_name,
                companion_phone=companion_phone,
            )
            plan.patient = patient
            # Free choice of GP (2.3.3.2.g): a few residents register elsewhere.
            if (
                plan.ion is not None
                and loc is not None
                and loc.gp_practice is plan.ion
                and rng.random() < 0.03
            ):
                other = rng.choice(self.practices)
                if other is not plan.ion:
                    plan.ion = other
                    patient.ion_practice_id = other.obj.id
                    patient.ion_chose_other = True
                    other.home_patients.append(plan)
            if rng.random() < 0.97:
                ctx.new(
                    ContactPerson,
                    patient_id=plan.id,
                    name=f"{contact_given} {contact_family}",
                    relation=rng.choice(names.RELATIONS),
                    phone=contact_phone,
                    is_first_contact=True,
                )
                if rng.random() < 0.35:
                    second_given, _ = synth.person_name(rng)
                    ctx.new(
                        ContactPerson,
                        patient_id=plan.id,
                        name=f"{second_given} {rng.choice(names.FAMILY_NAMES)}",
                        relation=rng.choice(names.RELATIONS),
                        phone=synth.mobile(rng),
                        is_first_contact=False,
                    )
            self._care_team(plan, birth)
        for kind, chosen in self._pending.items():
            self._record(kind, [plan.patient.code for plan in chosen])
        self._record(
            "patient_without_companion",
            [plan.patient.code for plan in plans if id(plan) in no_companion],
        )

    def _care_team(self, plan: _PatientPlan, birth: date) -> None:
        """Exactly one current regiebehandelaar MGZ, sometimes after an earlier one."""
        rng, today = self.rng, self.today
        loc = plan.location
        earliest = max(birth + timedelta(days=365), today - timedelta(days=3000))
        start = synth.day_between(rng, earliest, today - timedelta(days=20))
        members: list[tuple[Row, str]] = []

        def gp_of(practice: _Practice | None) -> Row:
            return rng.choice(
                (practice or self._practice_near(loc.sub if loc else plan.home_sub)).gps
            )

        if plan.only_avg:
            avg = (loc.avg if loc and loc.avg else None) or rng.choice(self.praktijk_avgs)
            members.append((avg, CareTeamRole.REGIEBEHANDELAAR))
        elif plan.so_regie:
            members.append((rng.choice(self.dienst_sos), CareTeamRole.REGIEBEHANDELAAR))
            members.append((gp_of(plan.ion), CareTeamRole.MEDEBEHANDELAAR))
        elif plan.sector == Sector.VV and loc and loc.met and loc.so:
            members.append((loc.so, CareTeamRole.REGIEBEHANDELAAR))
        elif plan.sector == Sector.GHZ and loc and loc.met:
            gp = gp_of(loc.gp_practice)
            avg = loc.avg or rng.choice(self.praktijk_avgs)
            if rng.random() < 0.4:
                members += [
                    (avg, CareTeamRole.REGIEBEHANDELAAR),
                    (gp, CareTeamRole.MEDEBEHANDELAAR),
                ]
            else:
                members.append((gp, CareTeamRole.REGIEBEHANDELAAR))
                if rng.random() < 0.6:
                    members.append((avg, CareTeamRole.MEDEBEHANDELAAR))
        else:
            members.append(
                (
                    gp_of(plan.ion or (loc.gp_practice if loc else None)),
                    CareTeamRole.REGIEBEHANDELAAR,
                )
            )
            if plan.sector == Sector.VV and rng.random() < 0.2:
                members.append((rng.choice(self.dienst_sos), CareTeamRole.CONSULENT))
            elif plan.sector == Sector.GHZ and rng.random() < 0.3:
                members.append((rng.choice(self.praktijk_avgs), CareTeamRole.CONSULENT))
        if plan.without_regie:
            members = [
                (
                    prof,
                    CareTeamRole.MEDEBEHANDELAAR if role == CareTeamRole.REGIEBEHANDELAAR else role,
                )
                for prof, role in members
            ]
        elif not plan.only_avg and rng.random() < 0.12 and (start - earliest).days > 60:
            # An earlier regiebehandelaar, ended the day before the current one started.
            earlier_start = synth.day_between(rng, earliest, start - timedelta(days=30))
            self.ctx.new(
                CareTeamMember,
                patient_id=plan.id,
                professional_id=gp_of(None).id,
                role=CareTeamRole.REGIEBEHANDELAAR,
                start=earlier_start,
                end=start - timedelta(days=1),
            )
        for prof, role in members:
            self.ctx.new(
                CareTeamMember,
                patient_id=plan.id,
                professional_id=prof.id,
                role=role,
                start=start
                if role == CareTeamRole.REGIEBEHANDELAAR
                else start + timedelta(days=rng.randrange(0, 60)),
                end=None,
            )

    def _arrangements(self) -> None:
        """Who is available or reachable for which function, where and when."""
        wi = [x for x in self.locs if x.kind == LocationKind.PGB_WOONINITIATIEF]
        bare_wi = self._plant("pgb_wooninitiatief_without_arrangements", wi)
        self._record("pgb_wooninitiatief_without_arrangements", [x.obj.code for x in bare_wi])
        bare = set(map(id, bare_wi))
        covered = [x for x in self.locs if id(x) not in bare]
        contracted = [x for x in covered if x.kind != LocationKind.PGB_WOONINITIATIEF]
        no_anw_so = self._plant(
            "vv_location_without_anw_so",
            [x for x in contracted if SECTOR_OF_KIND[x.kind] == Sector.VV],
        )
        no_voorwacht = self._plant("location_without_voorwacht", contracted)
        no_gk_anw = self._plant("location_without_gedragskundige_anw", contracted)
        for kind, chosen in (
            ("vv_location_without_anw_so", no_anw_so),
            ("location_without_voorwacht", no_voorwacht),
            ("location_without_gedragskundige_anw", no_gk_anw),
        ):
            self._record(kind, [x.obj.code for x in chosen])
        no_anw_so_ids = set(map(id, no_anw_so))
        no_voorwacht_ids = set(map(id, no_voorwacht))
        no_gk_ids = set(map(id, no_gk_anw))
        home = [p for p in self.plans if p.location is None]

        # HAP: HA-zorg and triage in the ANW for its area's locations and home clients.
        for n, hap in enumerate(self.haps):
            area = [x for x in covered if x.sub == n]
            area_home = [p for p in home if p.home_sub == n]
            for function in (Function.HA_ZORG, Function.TRIAGE):
                if area:
                    self._arrangement(
                        function=function,
                        mode=Mode.BESCHIKBAAR,
                        pattern="anw",
                        scope_kind=ScopeKind.LOCATIONS,
                        provider=hap,
                        locations=area,
                        phone=hap.phone,
                    )
                if area_home:
                    self._arrangement(
                        function=function,
                        mode=Mode.BESCHIKBAAR,
                        pattern="anw",
                        scope_kind=ScopeKind.PATIENTS,
                        provider=hap,
                        patients=area_home,
                        phone=hap.phone,
                    )
        # Vaste huisarts by day for its locations; a practice's own ION clients at home.
        for practice in self.practices:
            locs = [x for x in practice.locations if id(x) not in bare]
            if locs:
                self._arrangement(
                    function=Function.HA_ZORG,
                    mode=Mode.BESCHIKBAAR,
                    pattern="dag",
                    scope_kind=ScopeKind.LOCATIONS,
                    provider=practice.obj,
                    locations=locs,
                    phone=practice.obj.phone,
                    note="vaste huisarts (2.3.3.2.d)",
                )
            patients = [
                p
                for p in practice.home_patients
                if p.ion is practice and (p.location is None or id(p.location) not in bare)
            ]
            if patients:
                self._arrangement(
                    function=Function.HA_ZORG,
                    mode=Mode.BESCHIKBAAR,
                    pattern="dag",
                    scope_kind=ScopeKind.PATIENTS,
                    provider=practice.obj,
                    patients=patients,
                    phone=practice.obj.phone,
                )
        # Providers with behandeling: their SOs by day, their SO service in the ANW, and the
        # GP care they organise themselves under the SO (2.1.4.d); AVGs likewise for GHZ.
        for provider in self.providers:
            met = [x for x in provider.locs if x.met]
            if provider.sector == Sector.VV and met:
                for so in provider.sos:
                    mine = [x for x in met if x.so is so]
                    if mine:
                        self._arrangement(
                            function=Function.SO_ZORG,
                            mode=Mode.BESCHIKBAAR,
                            pattern="dag",
                            scope_kind=ScopeKind.LOCATIONS,
                            professional=so,
                            locations=mine,
                            phone=so.phone,
                        )
                anw = [x for x in met if id(x) not in no_anw_so_ids]
                if anw:
                    self._arrangement(
                        function=Function.SO_ZORG,
                        mode=Mode.BESCHIKBAAR,
                        pattern="anw",
                        scope_kind=ScopeKind.LOCATIONS,
                        provider=provider.obj,
                        locations=anw,
                        phone=self._phone(),
                        note="ANW-dienst SO van de zorgaanbieder",
                    )
                self._arrangement(
                    function=Function.HA_ZORG,
                    mode=Mode.BESCHIKBAAR,
                    pattern="dag",
                    scope_kind=ScopeKind.LOCATIONS,
                    provider=provider.obj,
                    locations=met,
                    phone=provider.obj.phone,
                    note="huisartsgeneeskundige zorg binnen de instelling onder de SO (2.1.4.d)",
                )
            if provider.sector == Sector.GHZ and met:
                for avg in provider.avgs:
                    mine = [x for x in met if x.avg is avg]
                    if mine:
                        self._arrangement(
                            function=Function.AVG_ZORG,
                            mode=Mode.BESCHIKBAAR,
                            pattern="dag",
                            scope_kind=ScopeKind.LOCATIONS,
                            professional=avg,
                            locations=mine,
                            phone=avg.phone,
                        )
            own = [x for x in provider.locs if id(x) not in bare]
            if not own:
                continue
            voorwacht = [x for x in own if id(x) not in no_voorwacht_ids]
            if voorwacht:
                self._arrangement(
                    function=Function.VERPLEEGKUNDIGE_VOORWACHT,
                    mode=Mode.BESCHIKBAAR,
                    pattern="altijd",
                    scope_kind=ScopeKind.LOCATIONS,
                    provider=provider.obj,
                    locations=voorwacht,
                    phone=self._phone(),
                )
            if provider.behavioural is not None:
                if provider is self.planned.provider:
                    self._arrangement(
                        function=Function.GEDRAGSKUNDIGE,
                        mode=Mode.BEREIKBAAR,
                        pattern="ma-vr 09:00-17:00",
                        scope_kind=ScopeKind.LOCATIONS,
                        professional=provider.behavioural,
                        locations=own,
                        phone=provider.behavioural.phone,
                    )
                else:
                    self._arrangement(
                        function=Function.GEDRAGSKUNDIGE,
                        mode=Mode.BEREIKBAAR,
                        pattern="ma-vr 09:00-17:00",
                        scope_kind=ScopeKind.ORGANISATION,
                        professional=provider.behavioural,
                        scope_organisation=provider.obj,
                        phone=provider.behavioural.phone,
                    )
                anw = [x for x in own if id(x) not in no_gk_ids]
                if anw:
                    self._arrangement(
                        function=Function.GEDRAGSKUNDIGE_VOORWACHT,
                        mode=Mode.BEREIKBAAR,
                        pattern="anw",
                        scope_kind=ScopeKind.LOCATIONS,
                        provider=provider.obj,
                        locations=anw,
                        phone=self._phone(),
                    )
        # The regional SO-dienst: consultation by day for every VV client, and in the ANW
        # for VV locations without behandeling and VV clients at home.
        self._arrangement(
            function=Function.SO_ZORG,
            mode=Mode.BEREIKBAAR,
            pattern="dag",
            scope_kind=ScopeKind.PATIENT_GROUP,
            scope_sector=Sector.VV,
            provider=self.so_dienst,
            phone=self.so_dienst.phone,
        )
        vv_zonder = [
            x
            for x in contracted
            if SECTOR_OF_KIND[x.kind] == Sector.VV and not x.met and id(x) not in no_anw_so_ids
        ]
        if vv_zonder:
            self._arrangement(
                function=Function.SO_ZORG,
                mode=Mode.BEREIKBAAR,
                pattern="anw",
                scope_kind=ScopeKind.LOCATIONS,
                provider=self.so_dienst,
                locations=vv_zonder,
                phone=self.so_dienst.phone,
            )
        vv_home = [p for p in home if p.sector == Sector.VV]
        if vv_home:
            self._arrangement(
                function=Function.SO_ZORG,
                mode=Mode.BEREIKBAAR,
                pattern="anw",
                scope_kind=ScopeKind.PATIENTS,
                provider=self.so_dienst,
                patients=vv_home,
                phone=self.so_dienst.phone,
            )
        # AVG: the regional practice by day, the national service by telephone in the ANW.
        self._arrangement(
            function=Function.AVG_ZORG,
            mode=Mode.BEREIKBAAR,
            pattern="dag",
            scope_kind=ScopeKind.PATIENT_GROUP,
            scope_sector=Sector.GHZ,
            provider=self.avg_praktijk,
            phone=self.avg_praktijk.phone,
        )
        avg_anw = self.ctx.national["avg_anw"]
        self._arrangement(
            function=Function.AVG_ZORG,
            mode=Mode.TELEFONISCH_BEREIKBAAR,
            pattern="anw",
            scope_kind=ScopeKind.PATIENT_GROUP,
            scope_sector=Sector.GHZ,
            provider=avg_anw,
            phone=avg_anw.phone,
        )
        # Wijkverpleging: a nursing voorwacht around the clock for clients at home.
        for org in self.wijk:
            patients = [p for p in home if p.wijk is org]
            if patients:
                self._arrangement(
                    function=Function.VERPLEEGKUNDIGE_VOORWACHT,
                    mode=Mode.BEREIKBAAR,
                    pattern="altijd",
                    scope_kind=ScopeKind.PATIENTS,
                    provider=org,
                    patients=patients,
                    phone=org.phone,
                )

    def _absences(self) -> None:
        """Holidays and sick leave of physicians, with and without a replacement."""
        rng, today = self.rng, self.today
        colleagues: list[list[Row]] = [p.gps for p in self.practices if p.gps]
        colleagues += [self.dienst_sos, self.praktijk_avgs]
        colleagues += [p.sos for p in self.providers if p.sos]
        physicians = [(prof, group) for group in colleagues for prof in group]
        with_rep = self._plant("absence_with_replacement", physicians)
        taken = set(id(prof) for prof, _ in with_rep)
        without = self._plant(
            "absence_without_replacement", [x for x in physicians if id(x[0]) not in taken]
        )
        for chosen, replaced in ((with_rep, True), (without, False)):
            for prof, group in chosen:
                sick = rng.random() < (0.25 if replaced else 0.7)
                if sick:
                    first = today - timedelta(days=rng.randrange(0, 10))
                    days = rng.randrange(7, 60)
                else:
                    first = today + timedelta(days=rng.randrange(-3, 30))
                    days = rng.randrange(7, 22)
                others = [p for p in group if p is not prof] or [
                    gp for practice in self.practices for gp in practice.gps if gp is not prof
                ]
                replacement = rng.choice(others) if replaced else None
                self.ctx.new(
                    Absence,
                    professional_id=prof.id,
                    kind=AbsenceKind.ZIEKTE if sick else AbsenceKind.VAKANTIE,
                    start=datetime.combine(first, time(0, 0), tzinfo=TZ),
                    end=datetime.combine(first + timedelta(days=days), time(0, 0), tzinfo=TZ),
                    replacement_id=replacement.id if replacement else None,
                    replacement_phone=replacement.phone if replacement else "",
                )
            kind = "absence_with_replacement" if replaced else "absence_without_replacement"
            self._record(kind, [prof.code for prof, _ in chosen])


def _cumulative(values: object) -> list[float]:
    total, out = 0.0, []
    for value in values:  # type: ignore[attr-defined]
        total += value
        out.append(total)
    return out


def _birth_date(rng: random.Random, sector: str, profiel: str, today: date) -> date:
    if sector == Sector.VV:
        age = min(104, max(55, rng.gauss(84, 7)))
    elif profiel.startswith(("LVG", "SGLVG")):
        age = rng.uniform(12, 45)
    elif sector == Sector.GHZ:
        age = min(90, max(3, rng.gauss(45, 18)))
    else:
        age = rng.uniform(22, 80)
    return today - timedelta(days=int(age * 365.25) + rng.randrange(365))

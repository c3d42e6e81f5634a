"""One zorgkantoorregio: its structure, locations, organisations and professionals.

Most of the country is well arranged; some imperfections are planted on purpose at the
rates in `reference.IMPERFECTION_RATES`, and their codes are recorded in `Context.planted`
so tests (and later conformance checks) can find them.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Sequence
from datetime import timedelta

from mgz.demo import names, synth
from mgz.demo import reference as ref
from mgz.demo.generator.arrangements import ArrangementsMixin
from mgz.demo.generator.patients import PatientsMixin
from mgz.demo.generator.plans import (
    SECTOR_OF_KIND,
    LocationPlan,
    PatientPlan,
    PracticePlan,
    ProviderPlan,
)
from mgz.demo.generator.rows import (
    Batch,
    Context,
    Row,
)
from mgz.registry.constants import (
    Discipline,
    Leveringsvorm,
    LocationKind,
    LocationStatus,
    OrganisationKind,
    Sector,
    TreatmentModel,
)
from mgz.registry.models import (
    Location,
    Organisation,
    Patient,
    Professional,
    ProfessionalRole,
    Region,
    Subregion,
)

QUALITY_STANDARD = {
    Sector.VV: "Kwaliteitskader Verpleeghuiszorg",
    Sector.GHZ: "Kwaliteitskader Gehandicaptenzorg",
    Sector.GGZ: "Kwaliteitsstandaard Langdurige GGZ",
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


class RegionBuilder(PatientsMixin, ArrangementsMixin):
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
        self.names_used: dict[str, int] = defaultdict(int)
        self.today = ctx.today
        self._pending: dict[str, list[PatientPlan]] = {}

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

    def _unique(self, name: str) -> str:
        """A name not used before in this region: "De Linde", then "De Linde 2"."""
        self.names_used[name] += 1
        count = self.names_used[name]
        return name if count == 1 else f"{name} {count}"

    def _org(self, kind: str, name: str, prefix: str, **extra: object) -> Row:
        return self.ctx.new(
            Organisation,
            code=self._code(prefix, 3),
            name=self._unique(name),
            kind=kind,
            region_id=self.region.id,
            phone=self._phone(),
            **extra,
        )

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
        self.plans: list[PatientPlan] = []
        for key, count in counts.items():
            sector, lv = key.split("|")
            self.plans.extend(PatientPlan(sector, lv) for _ in range(count))
        rng.shuffle(self.plans)
        for n, plan in enumerate(self.plans):
            plan.id = self.ctx.next_id[Patient] + n
        self.ctx.next_id[Patient] += len(self.plans)

    def _plan_locations(self) -> None:
        """Residential locations of realistic sizes, filled to about 95%."""
        rng = self.rng
        by_kind: dict[str, list[PatientPlan]] = defaultdict(list)
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
        self.locs: list[LocationPlan] = []
        for kind in LocationKind.values:
            residents = by_kind.get(kind, [])
            if not residents:
                continue
            low, high = self._sizes(kind)
            share = ref.MET_BEHANDELING_SHARE[kind]
            locs: list[LocationPlan] = []
            capacity = 0
            while capacity * OCCUPANCY < len(residents):
                n = len(locs)
                met = (n == 0) if 0 < share < 1 and n < 2 else rng.random() < share
                loc = LocationPlan(kind, met)
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
        self.providers: list[ProviderPlan] = []
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
                provider = ProviderPlan(org, sector, group)
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
                loc.provider = ProviderPlan(org, sector, [loc])
                self.providers.append(loc.provider)
        # One planned location per region, with an opening date ahead and nothing arranged.
        vv_provider = next(p for p in self.providers if p.sector == Sector.VV)
        planned = LocationPlan(LocationKind.KLEINSCHALIG_WONEN, False)
        planned.provider = vv_provider
        planned.sub = rng.randrange(self.n_haps)
        self.planned = planned

    def _practices(self) -> None:
        rng = self.rng
        self.practices: list[PracticePlan] = []
        for n in range(self.n_practices):
            sub = n % self.n_haps
            name = f"Huisartsenpraktijk {rng.choice(names.PLACE_WORDS)} {self.towns[sub]}"
            self.practices.append(
                PracticePlan(self._org(OrganisationKind.HUISARTSENPRAKTIJK, name, "HA"), sub)
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
        self.practices_by_sub: dict[int, list[PracticePlan]] = defaultdict(list)
        for practice in self.practices:
            self.practices_by_sub[practice.sub].append(practice)

    def _practice_near(self, sub: int) -> PracticePlan:
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
            # Wooninitiatieven too: they buy a gedragskundige with the pgb (when they have
            # arrangements at all).
            if provider.locs:
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
                name=self._unique(f"{name} ({town})"),
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

    def _record_patients(self, kind: str, plans: list[PatientPlan]) -> None:
        self._pending.setdefault(kind, []).extend(plans)

"""Beschikbaarheidsafspraken and absences of one region, with planted gaps."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from mgz.availability.constants import AbsenceKind, Function, Mode, ScopeKind
from mgz.availability.models import Absence, Arrangement
from mgz.demo.generator.plans import (
    SECTOR_OF_KIND,
    LocationPlan,
    PatientPlan,
)
from mgz.demo.generator.rows import TZ, ArrangementLocation, ArrangementPatient, Row
from mgz.registry.constants import (
    LocationKind,
    Sector,
)


class ArrangementsMixin:
    """Part of `RegionBuilder`: who is available or reachable for what, where and when."""

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
        locations: Sequence[LocationPlan] = (),
        patients: Sequence[PatientPlan] = (),
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
            # Every contracted VV/GHZ provider has its own agreement with a SO or AVG
            # (2.3.3.2.f), besides its own physicians; for the provider of the planned
            # location it names the open locations, so the planned one stays bare.
            service = {
                Sector.VV: (self.so_dienst, Function.SO_ZORG),
                Sector.GHZ: (self.avg_praktijk, Function.AVG_ZORG),
            }.get(provider.sector)
            if service is not None and provider.obj.contracted:
                dienst, function = service
                planned_here = provider is self.planned.provider
                self._arrangement(
                    function=function,
                    mode=Mode.BEREIKBAAR,
                    pattern="dag",
                    scope_kind=ScopeKind.LOCATIONS if planned_here else ScopeKind.ORGANISATION,
                    provider=dienst,
                    locations=own if planned_here else (),
                    scope_organisation=None if planned_here else provider.obj,
                    phone=dienst.phone,
                    note="consultatie en medebehandeling (2.3.3.2.f)",
                )
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
                        pattern="dag",
                        scope_kind=ScopeKind.LOCATIONS,
                        professional=provider.behavioural,
                        locations=own,
                        phone=provider.behavioural.phone,
                    )
                else:
                    self._arrangement(
                        function=Function.GEDRAGSKUNDIGE,
                        mode=Mode.BEREIKBAAR,
                        pattern="dag",
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
        # Wooninitiatieven with arrangements, where VV clients live, are covered too.
        vv_zonder += [
            x
            for x in covered
            if x.kind == LocationKind.PGB_WOONINITIATIEF
            and any(p.sector == Sector.VV for p in x.residents)
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

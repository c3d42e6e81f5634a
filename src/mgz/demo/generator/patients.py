"""Wlz clients of one region: identity, residence, ION, coordinator, contacts, care team."""

from __future__ import annotations

import random
from datetime import date, timedelta

from mgz.demo import names, synth
from mgz.demo import reference as ref
from mgz.demo.generator.plans import PatientPlan, PracticePlan
from mgz.demo.generator.rows import Row
from mgz.registry import bsn_crypto
from mgz.registry.constants import (
    CareTeamRole,
    Sector,
    sector_of,
)
from mgz.registry.models import (
    CareTeamMember,
    ContactPerson,
    Patient,
)


class PatientsMixin:
    """Part of `RegionBuilder`: the clients and their care teams."""

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

    def _care_team(self, plan: PatientPlan, birth: date) -> None:
        """Exactly one current regiebehandelaar MGZ, sometimes after an earlier one."""
        rng, today = self.rng, self.today
        loc = plan.location
        earliest = max(birth + timedelta(days=365), today - timedelta(days=3000))
        start = synth.day_between(rng, earliest, today - timedelta(days=20))
        members: list[tuple[Row, str]] = []

        def gp_of(practice: PracticePlan | None) -> Row:
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
            # With behandeling the AVG leads; a GP of the contracted practice is always in
            # the team, since a GHZ client is never treated by an AVG alone (2.1.4.c).
            members += [
                (loc.avg or rng.choice(self.praktijk_avgs), CareTeamRole.REGIEBEHANDELAAR),
                (gp_of(loc.gp_practice), CareTeamRole.MEDEBEHANDELAAR),
            ]
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
                # Others join a little later, but by today: the team is complete now.
                start=start
                if role == CareTeamRole.REGIEBEHANDELAAR
                else min(start + timedelta(days=rng.randrange(0, 60)), today),
                end=None,
            )


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

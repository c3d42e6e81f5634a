"""Put the routing world (tests/routing/world.py) into the database through the ORM."""

from __future__ import annotations

from mgz.availability.models import Absence, Arrangement
from mgz.core.bsn import bsn_error
from mgz.registry.models import (
    CareTeamMember,
    Location,
    Organisation,
    Patient,
    Professional,
    Region,
)
from tests.routing import world


def valid_bsns():
    number = 990000000  # the synthetic 99 range, as the demo uses
    while True:
        number += 1
        if not bsn_error(str(number)):
            yield str(number)


def load_world() -> dict[str, dict[int, object]]:
    """Create the world's rows; returns the ORM objects by the world's ids, per kind."""
    snap = world.world()
    region = Region.objects.create(code=world.REGION.code, name=world.REGION.name)
    orgs = {
        o.id: Organisation.objects.create(code=o.code, name=o.name, kind=o.kind, region=region)
        for o in snap.organisations
    }
    locations = {
        loc.id: Location.objects.create(
            code=loc.code,
            name=loc.name,
            organisation=orgs[loc.organisation_id],
            region=region,
            postcode="9711 AA",
            kind=loc.kind,
            treatment_model=loc.treatment_model,
            hap=orgs.get(loc.hap_id),
        )
        for loc in snap.locations
    }
    professionals = {}
    for p in snap.professionals:
        initials, family = p.name.split(" ", 1)
        professionals[p.id] = Professional.objects.create(
            code=p.code,
            initials=initials,
            family_name=family,
            discipline=p.discipline,
            phone=p.phone,
        )
    bsns = valid_bsns()
    patients = {}
    for p in snap.patients:
        patient = Patient(
            code=p.code,
            family_name=p.code.title(),
            birth_date="1940-01-01",
            zorgprofiel=p.zorgprofiel,
            leveringsvorm=p.leveringsvorm,
            behandeling_ingekocht=p.behandeling_ingekocht,
            verstandelijke_beperking=p.verstandelijke_beperking,
            region=region,
            location=locations.get(p.location_id),
            home_postcode=p.home_postcode,
        )
        patient.set_bsn(next(bsns))
        patient.save()
        patients[p.id] = patient
    arrangements = {}
    for a in snap.arrangements:
        arrangement = Arrangement.objects.create(
            code=a.code,
            function=a.function,
            mode=a.mode,
            professional=professionals.get(a.professional_id),
            provider_organisation=orgs.get(a.provider_organisation_id),
            scope_kind=a.scope_kind,
            scope_organisation=orgs.get(a.scope_organisation_id),
            scope_region=region if a.scope_region_id else None,
            scope_sector=a.scope_sector,
            pattern=a.pattern.text(),
            valid_from=a.valid_from,
            valid_to=a.valid_to,
            phone=a.phone,
        )
        arrangement.locations.set([locations[i] for i in a.location_ids])
        arrangement.patients.set([patients[i] for i in a.patient_ids])
        arrangements[a.id] = arrangement
    for a in snap.absences:
        Absence.objects.create(
            professional=professionals[a.professional_id],
            kind=a.kind,
            start=a.start,
            end=a.end,
            replacement=professionals.get(a.replacement_id),
            replacement_phone=a.replacement_phone,
        )
    for member in snap.care_team:
        CareTeamMember.objects.create(
            patient=patients[member.patient_id],
            professional=professionals[member.professional_id],
            role=member.role,
            start=member.start,
            end=member.end,
        )
    return {
        "patients": patients,
        "professionals": professionals,
        "arrangements": arrangements,
        "locations": locations,
    }

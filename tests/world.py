"""The one shared test world: a region with a coördinator, a provider with two locations, a GP
practice, a HAP, an SO on call, an AVG, patients, and an outsider with no access.

Built by `build_world()` so that ordinary tests (fixture `world`) and live-server browser
tests use the same people and places. Every role of mgz.accounts has a user here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mgz.accounts.constants import Role
from mgz.availability.models import Arrangement
from tests import factories as f


@dataclass
class World:
    region: object
    other_region: object
    provider: object
    location_a: object
    location_b: object
    other_provider: object
    other_location: object
    gp_practice: object
    hap: object
    gp: object
    so: object
    avg: object
    patient_a: object  # at location A (served by the HAP), SO regiebehandelaar, ION at the GP
    patient_b: object  # at location B (no HAP), GHZ, AVG in the care team
    patient_other: object  # another provider in another region
    users: dict[str, object] = field(default_factory=dict)
    arrangements: dict[str, object] = field(default_factory=dict)


# Username per role in the world (also the matrix's row names).
ROLE_USERS = {
    "regio": Role.REGIO_COORDINATOR,
    "regiotafel": Role.REGIOTAFEL_LID,
    "aanbieder": Role.AANBIEDER_COORDINATOR,
    "huisarts": Role.ARTS,
    "so": Role.ARTS,
    "avg": Role.ARTS,
    "hap": Role.HAP,
    "privacy": Role.PRIVACY_OFFICER,
    "beheerder": Role.BEHEERDER,
    "buitenstaander": Role.AANBIEDER_COORDINATOR,
}


def build_world() -> World:
    from mgz.registry.models import ProfessionalRole

    region = f.region(code="R-WEST", name="Regio West")
    other_region = f.region(code="R-OOST", name="Regio Oost")
    hap = f.organisation(
        code="HAP-W", name="HAP West", kind="hap", region=region, phone="088-1234567"
    )
    provider = f.organisation(code="ZA-W", name="Zorggroep West", region=region)
    gp_practice = f.organisation(
        code="HA-W",
        name="Huisartsenpraktijk De Linde",
        kind="huisartsenpraktijk",
        region=region,
        phone="030-2345678",
    )
    so_practice = f.organisation(
        code="SO-W", name="SO-praktijk West", kind="so_avg_praktijk", region=region
    )
    other_provider = f.organisation(code="ZA-O", name="Zorggroep Oost", region=other_region)
    location_a = f.location(
        code="LOC-A", name="De Eik", organisation=provider, region=region, hap=hap
    )
    location_b = f.location(
        code="LOC-B",
        name="De Beuk",
        organisation=provider,
        region=region,
        kind="ghz_woonvoorziening",
    )
    other_location = f.location(
        code="LOC-O", name="De Wilg", organisation=other_provider, region=other_region
    )
    gp = f.professional(
        code="P-HA", family_name="Jansen", discipline="huisarts", phone="030-2345679"
    )
    so = f.professional(code="P-SO", family_name="de Vries", discipline="so", phone="06-12345678")
    avg = f.professional(code="P-AVG", family_name="Bakker", discipline="avg", phone="06-23456789")
    ProfessionalRole.objects.create(professional=gp, organisation=gp_practice, title="huisarts")
    ProfessionalRole.objects.create(professional=so, organisation=so_practice, title="SO")
    ProfessionalRole.objects.create(professional=avg, organisation=so_practice, title="AVG")
    patient_a = f.patient(
        bsn="999911120",
        location=location_a,
        given_name="Anna",
        family_name="Aalders",
        birth_date=date(1938, 4, 2),
        ion_practice=gp_practice,
    )
    patient_b = f.patient(
        bsn="999999151",
        location=location_b,
        given_name="Bram",
        family_name="Bos",
        birth_date=date(1975, 6, 9),
        zorgprofiel="VG05",
    )
    patient_other = f.patient(
        bsn="111222333",
        location=other_location,
        given_name="Olga",
        family_name="Oosterhuis",
        birth_date=date(1941, 1, 1),
    )
    f.care_team_member(patient=patient_a, professional=so, start=date(2025, 1, 1))
    f.care_team_member(patient=patient_b, professional=avg, start=date(2025, 1, 1))
    world = World(
        region,
        other_region,
        provider,
        location_a,
        location_b,
        other_provider,
        other_location,
        gp_practice,
        hap,
        gp,
        so,
        avg,
        patient_a,
        patient_b,
        patient_other,
    )
    arrangement = Arrangement.objects.create(
        code="ARR-SO-A",
        function="so_zorg",
        mode="bereikbaar",
        professional=so,
        scope_kind="locaties",
        pattern="ma-vr 08:00-17:00",
        valid_from=date(2025, 1, 1),
        phone="06-12345678",
    )
    arrangement.locations.add(location_a)
    world.arrangements["so"] = arrangement
    # The SO on call: reachable by phone in the ANW for the provider's locations.
    so_on_call = f.professional(
        code="P-SO-ANW", family_name="Smit", discipline="so", phone="06-34567890"
    )
    ProfessionalRole.objects.create(professional=so_on_call, organisation=so_practice, title="SO")
    world.arrangements["so_on_call"] = Arrangement.objects.create(
        code="ARR-SO-ANW", function="so_zorg", mode="bereikbaar", professional=so_on_call,
        scope_kind="organisatie", scope_organisation=provider, pattern="anw",
        valid_from=date(2025, 1, 1), phone="06-34567890",
    )  # fmt: skip
    world.arrangements["triage"] = Arrangement.objects.create(
        code="ARR-HAP",
        function="triage",
        mode="beschikbaar",
        provider_organisation=hap,
        scope_kind="regio",
        scope_region=region,
        pattern="anw",
        valid_from=date(2025, 1, 1),
        phone="088-1234567",
    )
    scopes = {
        "regio": {"region": region},
        "regiotafel": {"region": region},
        "aanbieder": {"organisation": provider},
        "huisarts": {"organisation": gp_practice, "professional": gp},
        "so": {"organisation": so_practice, "professional": so},
        "avg": {"organisation": so_practice, "professional": avg},
        "hap": {"organisation": hap},
        "privacy": {},
        "beheerder": {"superuser": True, "staff": True},
        "buitenstaander": {"organisation": other_provider},
    }
    for username, role in ROLE_USERS.items():
        world.users[username] = f.user(username, role=role, **scopes[username])
    world.users["zonderrol"] = f.user("zonderrol", otp=False)
    return world

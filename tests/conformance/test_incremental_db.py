"""services.recheck after one database change equals a full run on a fresh snapshot."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from mgz.availability.models import Absence, Arrangement
from mgz.conformance import services
from mgz.registry.models import CareTeamMember, Organisation, Patient
from tests.conformance.conftest import TODAY


def full(**kw):
    return services.run_check(start=TODAY, store=False, **kw)


def change_something(rnd: random.Random):
    choice = rnd.choice(("pattern", "absence", "member", "patient", "delete_arrangement"))
    if choice == "pattern":
        arrangement = rnd.choice(list(Arrangement.objects.all()))
        arrangement.pattern = rnd.choice(("ma-vr 09:00-17:00", "anw", "za-zo 00:00-24:00"))
        arrangement.save()
        return arrangement, False
    if choice == "delete_arrangement":
        arrangement = rnd.choice(list(Arrangement.objects.all()))
        pk = arrangement.pk
        arrangement.delete()  # Django clears the pk; the re-check needs it
        arrangement.pk = pk
        return arrangement, True
    if choice == "absence":
        start = timezone.make_aware(timezone.datetime(2026, 11, 28, 9, 0)) + timedelta(
            hours=rnd.randint(0, 200)
        )
        arrangement = rnd.choice(list(Arrangement.objects.filter(professional__isnull=False)))
        absence = Absence.objects.create(
            professional=arrangement.professional,
            kind="ziekte",
            start=start,
            end=start + timedelta(hours=rnd.randint(1, 60)),
        )
        return absence, False
    if choice == "member":
        member = rnd.choice(list(CareTeamMember.objects.all()))
        member.delete()
        return member, True
    patient = rnd.choice(list(Patient.objects.all()))
    practice = Organisation.objects.filter(kind="huisartsenpraktijk").first()
    patient.ion_practice = None if patient.ion_practice_id else practice
    patient.companion_name = "" if patient.companion_name else "J. Naaste"
    patient.save()
    return patient, False


def test_recheck_after_database_changes_equals_a_full_run(tiny):
    rnd = random.Random(3)
    outcome = full()
    for _ in range(8):
        instance, deleted = change_something(rnd)
        outcome = services.recheck(outcome, instance, deleted=deleted)
        fresh = full()
        assert outcome.result.keys() == fresh.result.keys()
        assert outcome.result.checked == fresh.result.checked


def test_recheck_touches_only_the_affected_subjects(tiny):
    outcome = full()
    patient = Patient.objects.filter(location__isnull=False).first()
    patient.companion_name = ""
    patient.save()
    after = services.recheck(outcome, patient)
    assert ("patient", patient.id) in after.affected
    assert len([s for s in after.affected if s[0] == "patient"]) == 1


def test_recheck_of_a_region_run_stays_in_the_region(tiny):
    region = Patient.objects.first().region
    outcome = full(region=region.code)
    arrangement = Arrangement.objects.filter(scope_kind="patientgroep").first()
    arrangement.pattern = "dag"
    arrangement.save()
    after = services.recheck(outcome, arrangement)
    fresh = full(region=region.code)
    assert after.result.keys() == fresh.result.keys()

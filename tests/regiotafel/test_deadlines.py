"""Overdue deadlines: flagged, listed for the dashboard, mailed once to the responsible party."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command

from mgz.regiotafel import services
from mgz.regiotafel.queries import overdue_steps

from .conftest import DAY


def _knelpunt(world, **kw):
    return services.raise_knelpunt(
        world.table,
        title="Vervanging SO bij vakantie ontbreekt",
        description="…",
        raised_by=world.practice,
        about_organisation=world.provider,
        today=DAY,
        **kw,
    )


def test_overdue_rungs_show_oldest_first_and_not_before_the_deadline(world):
    k = _knelpunt(world, deadline=DAY + timedelta(days=3))
    assert list(overdue_steps(today=DAY + timedelta(days=3))) == []
    assert [s.knelpunt_id for s in overdue_steps(today=DAY + timedelta(days=4))] == [k.pk]
    assert list(overdue_steps(today=DAY + timedelta(days=4), regiotafel_ids=[0])) == []


def test_the_command_mails_each_overdue_rung_once(world):
    _knelpunt(world, deadline=DAY + timedelta(days=3))
    late = (DAY + timedelta(days=5)).isoformat()
    out = StringIO()
    call_command("regiotafel_deadlines", "--today", late, stdout=out)
    call_command("regiotafel_deadlines", "--today", late, stdout=out)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["bestuur@delinde.test"]
    assert "Termijn verstreken" in mail.outbox[0].subject
    assert "1 herinnering(en)" in out.getvalue() and "0 herinnering(en)" in out.getvalue()


def test_a_new_rung_gets_its_own_reminder(world):
    k = _knelpunt(world, deadline=DAY + timedelta(days=3))
    services.send_overdue_reminders(DAY + timedelta(days=5))
    k = services.escalate(
        k,
        decision="Naar de regiotafel.",
        today=DAY + timedelta(days=6),
        deadline=DAY + timedelta(days=10),
    )
    services.send_overdue_reminders(DAY + timedelta(days=11))
    assert len(mail.outbox) == 2
    # rung 2 is the zorgkantoor's: it has no own address here, so the secretariat is mailed
    assert mail.outbox[1].to == ["secretariaat@regiotafel.test"]


def test_a_resolved_knelpunt_is_never_mailed(world):
    k = _knelpunt(world, deadline=DAY + timedelta(days=3))
    services.resolve(k, decision="Opgelost.", today=DAY + timedelta(days=1))
    assert services.send_overdue_reminders(DAY + timedelta(days=30)) == []
    assert mail.outbox == []

"""2.1.4.c — Een GHZ-cliënt wordt nooit alleen door de AVG behandeld.

Wat het controleert: voor elke GHZ-cliënt de dagen waarop het behandelteam als artsen
uitsluitend een of meer AVG's heeft (geen huisarts, geen SO).

Waarom: een GHZ-cliënt mag alleen door de huisarts behandeld worden, maar nooit alleen door
de AVG (2.1.4.c); de huisarts blijft betrokken.

Voorbeeld: 'Alleen een AVG in het behandelteam ma 07-12-2026 00:00 – vr 01-01-2027 00:00
voor cliënt C-40 (locatie De Berk, GHZ).'
"""

from __future__ import annotations

from collections.abc import Iterable

from mgz.core.coverage import coverage_for
from mgz.core.findings import ERROR, Finding
from mgz.core.rules.base import PHYSICIANS, Selection, finding, gap, label_of
from mgz.core.snapshot import Snapshot

ID = "2.1.4.c"
TITLE = "GHZ-cliënt nooit alleen door de AVG behandeld"
SUBJECT = "patient"
SEVERITY = ERROR


def _team(cov, snapshot, patient, known=None):
    """The physicians of the care team per stretch of days: ((first, last, discipline), ...).

    `known` keeps, across patients, the discipline per professional (None when not a
    physician) and the day span per (start, end): most members share both."""
    known = {} if known is None else known
    segments = []
    people = snapshot.professional_by_id
    for member in snapshot.care_team_by_patient.get(patient.id, ()):
        professional_id = member.professional_id
        discipline = known.get(professional_id, known)
        if discipline is known:
            person = people.get(professional_id)
            discipline = known[professional_id] = (
                person.discipline
                if person is not None and person.discipline in PHYSICIANS
                else None
            )
        if discipline is None:
            continue
        dates = (member.start, member.end)
        span = known.get(dates, known)
        if span is known:
            span = known[dates] = cov.day_span(member.start, member.end)
        if span is not None:
            segments.append((*span, discipline))
    return tuple(sorted(segments))


def _gap(cov, segments):
    flags = []
    for day in range(cov.grid.days):
        present = {d for lo, hi, d in segments if lo <= day <= hi}
        flags.append(present == {"avg"})
    return gap(
        cov.grid,
        "",
        cov.days_mask(tuple(flags)),
        None,
        "Alleen een AVG als arts in het behandelteam",
        "Betrek een huisarts bij de behandeling (medebehandelaar of regiebehandelaar).",
    )


def check(snapshot: Snapshot, selection: Selection) -> Iterable[Finding]:
    cov = coverage_for(snapshot, selection.grid)
    checked = 0
    known: dict = {}
    for patient in selection.patients(snapshot):
        if patient.sector != "ghz":
            continue
        checked += 1
        segments = _team(cov, snapshot, patient, known)
        if not segments:
            continue
        found = cov.memo((ID, segments), lambda segments=segments: _gap(cov, segments))
        if found is not None:
            label = label_of(snapshot, selection, patient)
            yield finding(
                ID,
                SEVERITY,
                "patient",
                patient.id,
                label,
                f"{found.what} {found.when} voor {label}.",
                found.suggestion,
                found=found.intervals,
            )
    selection.count(ID, checked)

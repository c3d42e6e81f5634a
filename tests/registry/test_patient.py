from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from mgz.registry import bsn_crypto
from mgz.registry.models import Patient
from tests import factories

pytestmark = pytest.mark.django_db


def test_bsn_is_stored_encrypted_and_found_by_its_keyed_hash():
    patient = factories.patient(bsn="999911120")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT bsn_encrypted, bsn_hash FROM registry_patient WHERE id = %s", [patient.id]
        )
        encrypted, search_key = cursor.fetchone()
    assert "999911120" not in encrypted
    assert "999911120" not in search_key
    assert Patient.objects.get(bsn_hash=bsn_crypto.search_key("999911120")).bsn == "999911120"


def test_a_bsn_failing_the_11_proef_is_refused():
    patient = Patient()
    with pytest.raises(ValidationError, match="11-proef"):
        patient.set_bsn("123456789")


def test_sector_follows_the_zorgprofiel():
    assert factories.patient(zorgprofiel="VG06").sector == "ghz"
    assert factories.patient(zorgprofiel="VV05").sector == "vv"
    assert factories.patient(zorgprofiel="GGZ-W02").sector == "ggz"


def test_eight_digit_bsn_is_padded_with_a_leading_zero():
    patient = factories.patient(bsn="12345672")
    assert patient.bsn == "012345672"

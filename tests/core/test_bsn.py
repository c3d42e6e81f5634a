from __future__ import annotations

import pytest

from mgz.core.bsn import bsn_error, is_valid_bsn


@pytest.mark.parametrize("bsn", ["999911120", "999999151", "111222333", "12345672"])
def test_valid_numbers_pass_the_11_proef(bsn):
    assert is_valid_bsn(bsn)
    assert bsn_error(bsn) is None


@pytest.mark.parametrize("bsn", ["999911121", "123456789", "000000000", "12345", "abcdefghi"])
def test_invalid_numbers_fail(bsn):
    assert not is_valid_bsn(bsn)
    assert bsn_error(bsn)


def test_the_message_says_which_rule_failed():
    assert "11-proef" in bsn_error("123456789")
    assert "9 cijfers" in bsn_error("12345")

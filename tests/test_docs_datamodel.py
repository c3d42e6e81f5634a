from pathlib import Path

from django.conf import settings

from mgz.erd import render


def test_data_model_doc_is_up_to_date():
    written = (Path(settings.BASE_DIR) / "docs" / "data-model.md").read_text(encoding="utf-8")
    assert written == render(), "docs/data-model.md is verouderd: draai `mgz datamodel`"


def test_data_model_shows_the_care_team_relation():
    assert 'registry_Patient ||--o{ registry_CareTeamMember : "patient"' in render()

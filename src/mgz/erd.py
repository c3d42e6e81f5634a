"""Renders the data model of the project's own apps as a Mermaid ER diagram (docs/data-model.md)."""

from __future__ import annotations

from django.apps import apps
from django.db import models

HEADER = """# Datamodel

Gegenereerd uit de Django-modellen met `mgz datamodel`; niet met de hand bewerken.
Een test faalt wanneer dit bestand niet meer klopt met de code.

"""


def project_models() -> list[type[models.Model]]:
    return sorted(
        (m for m in apps.get_models() if m.__module__.startswith("mgz.")),
        key=lambda m: (m._meta.app_label, m.__name__),
    )


def render() -> str:
    lines = ["```mermaid", "erDiagram"]
    relations = []
    for model in project_models():
        name = _name(model)
        lines.append(f"    {name} {{")
        for field in model._meta.concrete_fields:
            kind = field.get_internal_type().replace("Field", "").lower() or "field"
            key = " PK" if field.primary_key else (" FK" if field.is_relation else "")
            lines.append(f"        {kind} {field.attname}{key}")
        lines.append("    }")
        for field in model._meta.get_fields():
            if not field.concrete or not field.is_relation:
                continue
            target = field.related_model
            if target is None or not target.__module__.startswith("mgz."):
                continue
            if field.many_to_many:
                relations.append(f'    {name} }}o--o{{ {_name(target)} : "{field.name}"')
            else:
                optional = "o" if field.null else "|"
                relations.append(f'    {_name(target)} |{optional}--o{{ {name} : "{field.name}"')
    lines += [*relations, "```", ""]
    legend = [
        "| model | app | betekenis |",
        "|---|---|---|",
        *(
            f"| {_name(m)} | {m._meta.app_label} | {m._meta.verbose_name} |"
            for m in project_models()
        ),
        "",
    ]
    return HEADER + "\n".join(lines) + "\n" + "\n".join(legend)


def _name(model: type[models.Model]) -> str:
    return f"{model._meta.app_label}_{model.__name__}"

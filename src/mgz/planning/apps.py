from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "mgz.planning"
    label = "planning"
    verbose_name = "Planning"

from django.apps import AppConfig


class ConformanceConfig(AppConfig):
    name = "mgz.conformance"
    verbose_name = "Toetsing"

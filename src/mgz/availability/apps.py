from django.apps import AppConfig


class AvailabilityConfig(AppConfig):
    name = "mgz.availability"
    verbose_name = "Beschikbaarheid"

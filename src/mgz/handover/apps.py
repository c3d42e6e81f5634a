from django.apps import AppConfig


class HandoverConfig(AppConfig):
    name = "mgz.handover"
    verbose_name = "Overdracht"

from django.apps import AppConfig


class RegiotafelConfig(AppConfig):
    name = "mgz.regiotafel"
    verbose_name = "Regiotafel"

from django.apps import AppConfig


class RoutingConfig(AppConfig):
    name = "mgz.routing"
    verbose_name = "Wie bel ik nu?"

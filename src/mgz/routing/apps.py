from django.apps import AppConfig


class RoutingConfig(AppConfig):
    name = "mgz.routing"
    verbose_name = "Wie bel ik nu?"

    def ready(self) -> None:
        from mgz.routing import signals

        signals.connect()

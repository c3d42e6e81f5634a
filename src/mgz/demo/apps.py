from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "mgz.demo"
    verbose_name = "Demo"

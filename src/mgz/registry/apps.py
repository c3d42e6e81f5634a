from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "mgz.registry"
    verbose_name = "Register"

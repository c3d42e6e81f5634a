from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "mgz.web"
    verbose_name = "Webapplicatie"

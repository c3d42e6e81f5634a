from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "mgz.exchange"
    verbose_name = "Uitwisseling"

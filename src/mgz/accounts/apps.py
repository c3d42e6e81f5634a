from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mgz.accounts"
    verbose_name = "Accounts en rollen"

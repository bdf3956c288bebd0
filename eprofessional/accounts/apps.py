from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "eprofessional.accounts"
    label = "accounts"

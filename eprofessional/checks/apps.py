from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "eprofessional.checks"
    label = "checks"
    verbose_name = "Before-you-post checker"

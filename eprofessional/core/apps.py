from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "eprofessional.core"
    label = "core"

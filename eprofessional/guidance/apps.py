from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "eprofessional.guidance"
    label = "guidance"

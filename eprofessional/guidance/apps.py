from django.apps import AppConfig


class GuidanceConfig(AppConfig):
    name = "eprofessional.guidance"
    label = "guidance"

    def ready(self) -> None:
        from .search_providers import register

        register()

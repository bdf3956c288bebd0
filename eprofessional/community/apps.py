from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "eprofessional.community"
    label = "community"
    verbose_name = "Living policy: contributions, debate and consultation"

    def ready(self) -> None:
        from . import signals

        signals.connect()
        from eprofessional.core.demo import DEMO_ACTIVITY

        from .demo import add_demo_activity

        if add_demo_activity not in DEMO_ACTIVITY:
            DEMO_ACTIVITY.append(add_demo_activity)

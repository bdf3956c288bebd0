from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "eprofessional.community"
    label = "community"
    verbose_name = "Living policy: contributions, debate and consultation"

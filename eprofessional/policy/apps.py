from django.apps import AppConfig


class PolicyConfig(AppConfig):
    name = "eprofessional.policy"
    label = "policy"

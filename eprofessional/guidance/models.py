"""The casebook: original dilemma cases, loaded from content/cases/*.yaml.

Worksheets (private reasoning records for supervision) live here too.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse

from eprofessional.policy.models import Legislation, Principle, Standard, Topic


class Case(models.Model):
    id = models.SlugField(primary_key=True, max_length=100)
    title = models.CharField(max_length=200)
    summary = models.TextField()
    settings = models.JSONField(default=list)
    situation = models.TextField()
    questions = models.JSONField(default=list)
    tensions = models.JSONField(default=list, help_text="[{id, tension}] principles in tension.")
    nations = models.JSONField(default=dict)
    options = models.JSONField(default=list)
    recommended = models.TextField()
    reasoning = models.TextField()
    record = models.TextField()
    supervision = models.JSONField(default=list)
    clause_anchors = models.JSONField(default=list)
    keywords = models.JSONField(default=list)
    principles = models.ManyToManyField(Principle, related_name="cases")
    topics = models.ManyToManyField(Topic, related_name="cases")
    standards = models.ManyToManyField(Standard, related_name="cases", blank=True)
    legislation = models.ManyToManyField(Legislation, related_name="cases", blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("guidance:case", args=[self.id])

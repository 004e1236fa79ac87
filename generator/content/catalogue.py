"""The validated content, indexed for the derive and render stages."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass

from .models import (
    AggregateResult,
    AnnualPlan,
    Audience,
    Course,
    Level,
    Plan,
    PriorityArea,
    SiteConfig,
    TargetGroup,
    Topic,
    TopicGroup,
)


@dataclass(frozen=True)
class Catalogue:
    """Everything a valid project holds, with lookups by id."""

    config: SiteConfig
    plans: list[Plan]  # by period
    topics: list[Topic]
    audiences: list[Audience]
    courses: list[Course]
    annual_plans: list[AnnualPlan]
    results: list[AggregateResult]

    @functools.cached_property
    def levels(self) -> dict[str, Level]:
        return {lv.id: lv for lv in self.config.levels}

    @functools.cached_property
    def target_groups(self) -> dict[str, TargetGroup]:
        return {g.id: g for g in self.config.target_groups}

    @functools.cached_property
    def topic_groups(self) -> dict[str, TopicGroup]:
        return {g.id: g for g in self.config.topic_groups}

    @functools.cached_property
    def priority_areas(self) -> dict[str, PriorityArea]:
        return {a.id: a for a in self.config.priority_areas}

    @functools.cached_property
    def topics_by_id(self) -> dict[str, Topic]:
        return {t.id: t for t in self.topics}

    @functools.cached_property
    def audiences_by_id(self) -> dict[str, Audience]:
        return {a.id: a for a in self.audiences}

    @functools.cached_property
    def plans_by_id(self) -> dict[str, Plan]:
        return {p.id: p for p in self.plans}

    @property
    def as_of(self) -> datetime.date:
        return self.config.data_as_of

    @functools.cached_property
    def current_plan(self) -> Plan:
        """The plan in force on the data date; else the latest that has started; else the first."""
        started = [p for p in self.plans if p.period.start <= self.as_of]
        current = [p for p in started if p.period.contains(self.as_of)]
        if current:
            return current[0]
        return started[-1] if started else self.plans[0]

    def annual_plan(self, plan: Plan, year: int) -> AnnualPlan | None:
        return next((a for a in self.annual_plans if a.plan == plan.id and a.year == year), None)

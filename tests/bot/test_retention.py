"""The scheduled retention purge removes exactly what is past each group's retention, and nothing else."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.config import Settings
from bot.jobs import build_runtime
from bot.wiring import Services
from commands.checkin import AnswerInput
from commands.groups import GroupInfo, NewGroup
from commands.schedule import parse_weekly
from storage.models import AgendaItem, BoundaryAsk, CheckinAnswer, Cycle, Delivery, Holiday, Reflection
from tests.fakes.slack_web_api import TEAM_ID

NOW = dt.datetime(2026, 11, 23, 12, 0)
MARGIN = dt.timedelta(minutes=5)


def test_purge_removes_exactly_what_is_past_each_groups_retention(
    settings: Settings, services: Services
) -> None:
    rt = build_runtime(
        settings,
        db=services.db,
        cipher=services.cipher,
        pseudonyms=services.pseudonyms,
        deidentifier=services.deidentifier,
        clock=lambda: NOW,
    )

    def group(name: str, retention_days: int) -> GroupInfo:
        return rt.groups.create(
            NewGroup(
                workspace_id=TEAM_ID,
                name=name,
                members=("U0000001",),
                supervisors=("U0000009",),
                checkin=parse_weekly("MON 09:00"),
                digest=parse_weekly("FRI 16:00"),
                timezone="UTC",
                created_by="test",
                retention_days=retention_days,
            )
        )

    short, long = group("short", 30), group("long", 90)
    author = services.pseudonyms.author(TEAM_ID, "U0000001")
    expected_left: dict[str, set[str]] = {}
    for g in (short, long):
        limit = NOW - dt.timedelta(days=g.retention_days)
        ages = {
            "just-past": limit - MARGIN,
            "just-within": limit + MARGIN,
            "well-past": limit - dt.timedelta(days=40),
            "fresh": NOW - dt.timedelta(days=1),
        }
        for label, moment in ages.items():
            tag = f"{g.name}:{label}"
            cycle = rt.checkins.ensure_cycle(
                group_id=g.id, period=tag[:16], due_at=moment, prompt_id=None, now=moment
            )
            rt.checkins.ensure_deliveries(cycle_id=cycle.id, targets=["U0000001"], kind="checkin")
            rt.checkins.save_answer(
                cycle_id=cycle.id,
                author=author,
                answer=AnswerInput(3, 3, 3, None, "", "", False, None),
                now=moment,
            )
            with services.db.session() as session:
                session.add(
                    Reflection(
                        workspace_id=TEAM_ID,
                        author=author,
                        group_id=g.id,
                        theme=tag,
                        body_enc=services.cipher.encrypt("x"),
                        created_at=moment,
                    )
                )
                session.add(
                    AgendaItem(
                        workspace_id=TEAM_ID,
                        group_id=g.id,
                        author=author,
                        source="boundary",
                        category=tag,
                        body_enc=services.cipher.encrypt("x"),
                        created_at=moment,
                    )
                )
                session.add(BoundaryAsk(workspace_id=TEAM_ID, group_id=g.id, category=tag, asked_at=moment))
        expected_left[g.name] = {f"{g.name}:just-within", f"{g.name}:fresh"}
        rt.groups.add_holiday(g.id, (NOW - dt.timedelta(days=400)).date(), "an old holiday")
    with services.db.session() as session:  # a journal entry with no group has no group retention
        session.add(
            Reflection(
                workspace_id=TEAM_ID,
                author=author,
                group_id=None,
                theme="no-group",
                body_enc=services.cipher.encrypt("x"),
                created_at=NOW - dt.timedelta(days=1000),
            )
        )

    removed = rt.jobs.purge()

    wanted = expected_left["short"] | expected_left["long"]
    with services.db.session() as session:
        assert set(session.scalars(select(Reflection.theme))) == wanted | {"no-group"}
        assert set(session.scalars(select(AgendaItem.category))) == wanted
        assert set(session.scalars(select(BoundaryAsk.category))) == wanted
        periods = set(session.scalars(select(Cycle.period)))
        assert periods == {tag[:16] for tag in wanted}
        answered = set(
            session.scalars(select(Cycle.period).join(CheckinAnswer, CheckinAnswer.cycle_id == Cycle.id))
        )
        assert answered == periods
        delivered = set(session.scalars(select(Cycle.period).join(Delivery, Delivery.cycle_id == Cycle.id)))
        assert delivered == periods
        assert len(session.scalars(select(Holiday)).all()) == 2, "settings are not content"
    assert removed == 2 * 2 * 6, "two rows past retention per group, six kinds each"
    assert rt.jobs.purge() == 0

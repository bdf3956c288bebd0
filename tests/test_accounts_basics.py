from __future__ import annotations

import pytest

from tests.conftest import PASSWORD, make_user


@pytest.mark.django_db
def test_members_are_created_with_hashed_passwords_and_queries_work() -> None:
    from eprofessional.accounts.models import User

    user = make_user("dana", supervisor_kind="practice-educator")
    assert user.check_password(PASSWORD)
    assert user.password != PASSWORD
    assert list(User.objects.supervisors()) == [user]
    assert User.objects.create_superuser("root", "root@example.org", PASSWORD).is_administrator

"""One settings object for the whole of Formwork.

Values come, in order of precedence, from arguments given in code (the CLI's
``--db`` and ``--as-of``), environment variables prefixed ``FORMWORK_``, a
``formwork.toml`` settings file in the working directory (or the file named by
``FORMWORK_SETTINGS``), and the defaults below. Secrets belong in the
environment or the settings file, never in code.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


class Policy(BaseSettings):
    """Council policy values the checks apply (forms.md gives the defaults)."""

    model_config = SettingsConfigDict(env_prefix="FORMWORK_POLICY_", extra="ignore")

    backdating_limit_days: int = 365
    duplicate_window_days: int = 90
    confidence_threshold: float = 0.8
    future_tolerance_days_move: int = 28
    future_tolerance_days_permit: int = 28
    permit_cap: int = 2


class Limits(BaseSettings):
    """What a single input file may cost before it is quarantined."""

    model_config = SettingsConfigDict(env_prefix="FORMWORK_LIMITS_", extra="ignore")

    max_file_bytes: int = 20 * 1024 * 1024
    max_pages: int = 30
    seconds_per_file: float = 60.0


class Review(BaseSettings):
    """The staff review web app (``formwork ui``)."""

    model_config = SettingsConfigDict(env_prefix="FORMWORK_REVIEW_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8700
    #: How long a sign-in lasts without signing in again.
    session_hours: float = 10.0
    #: A claim older than this may be taken over by someone else.
    claim_minutes: int = 120
    #: Failed sign-ins (per user name; per client address, five times this) before a lock-out.
    max_failed_logins: int = 5
    lockout_minutes: int = 15
    #: Set when the app is served over HTTPS (behind a proxy): the cookie is then sent only over HTTPS.
    secure_cookie: bool = False
    #: Minutes a member of staff spends keying one form by hand, per form type (the dashboard's hours saved).
    minutes_per_form: dict[str, float] = Field(default_factory=lambda: {"council_tax_spd": 12.0})
    default_minutes_per_form: float = 10.0


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="FORMWORK_", env_nested_delimiter="__", extra="ignore"
    )

    #: Where the database (by default), the file store and letters live.
    home: Path = Field(default=Path("formwork-data"))
    #: SQLAlchemy URL; default a SQLite file under ``home``. ``FORMWORK_DB``.
    db: str | None = None
    #: The date the checks treat as today; ``None`` means the real today.
    as_of: dt.date | None = None
    #: Worker processes for extraction; 0 means one per CPU.
    workers: int = 0
    #: Files handed to one worker at a time.
    batch_size: int = 25
    policy: Policy = Field(default_factory=Policy)
    limits: Limits = Field(default_factory=Limits)
    review: Review = Field(default_factory=Review)
    #: A folder of YAML form specs (docs/extractors.md) to register beside the built-in form types.
    specs_dir: Path | None = None
    #: Column/sheet mapping for a council whose records workbook differs.
    records_mapping: dict[str, Any] = Field(default_factory=dict)
    council_name: str = "Formwork District Council"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(
            settings_cls, toml_file=os.environ.get("FORMWORK_SETTINGS", "formwork.toml")
        )
        return (init_settings, env_settings, toml)

    @property
    def database_url(self) -> str:
        return self.db or f"sqlite:///{(self.home / 'formwork.db').resolve()}"

    @property
    def store_dir(self) -> Path:
        return self.home / "store"

    def today(self) -> dt.date:
        return self.as_of or dt.date.today()


@lru_cache(maxsize=1)
def _default() -> Settings:
    return Settings()


_override: Settings | None = None


def get_settings() -> Settings:
    """The settings in force: those set by :func:`configure`, else from the environment."""
    return _override or _default()


def configure(**overrides: Any) -> Settings:
    """Replace the settings in force (the CLI calls this with its options)."""
    global _override
    values = {k: v for k, v in overrides.items() if v is not None}
    _override = Settings(**values)
    return _override


def reset() -> None:
    """Forget configured settings (tests)."""
    global _override
    _override = None
    _default.cache_clear()

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
from typing import Any, Literal

from pydantic import Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


class Smtp(BaseSettings):
    """The mail server the daily report goes through. The password only from the environment
    (``FORMWORK_SMTP__PASSWORD``) or the settings file, never from code or a flow parameter."""

    model_config = SettingsConfigDict(env_prefix="FORMWORK_SMTP_", extra="ignore")

    host: str = "localhost"
    port: int = 25
    #: ``starttls`` (upgrade a plain connection), ``ssl`` (TLS from the start, port 465) or ``none``.
    tls: Literal["starttls", "ssl", "none"] = "starttls"
    user: str | None = None
    password: SecretStr | None = None
    timeout_seconds: float = 30.0


class Operations(BaseSettings):
    """The scheduled jobs (``formwork serve``, prefect.yaml): records sync, daily report, retention."""

    model_config = SettingsConfigDict(env_prefix="FORMWORK_OPS_", extra="ignore")

    #: The inbox the scheduled process-inbox job reads.
    inbox: Path = Path("inbox")
    #: The council's records workbook the nightly sync loads (records.md); unset: the sync does nothing.
    records_workbook: Path | None = None
    #: Who gets the daily exceptions report; unset: the workbook is written but not sent.
    report_to: str | None = None
    report_from: str = "formwork@localhost"
    #: The review app's address, for links in reports and run artifacts
    #: (default: where ``formwork ui`` listens on this machine).
    review_url: str | None = None
    #: Days a decided submission's stored file and personal data are kept, by form type
    #: (counted from the decision). Outcomes, reason codes and the audit trail are kept for good.
    retention_days: dict[str, int] = Field(default_factory=lambda: dict(RETENTION_DAYS))
    #: For a form type not in ``retention_days`` (and unknown documents).
    default_retention_days: int = 6 * 365


#: Defaults: council tax 6 years (the Limitation Act period for recovering council tax),
#: parking permits and correspondence 2 years.
RETENTION_DAYS: dict[str, int] = {
    "council_tax_spd": 6 * 365,
    "council_tax_move": 6 * 365,
    "parking_permit": 2 * 365,
    "correspondence": 2 * 365,
}


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

    #: A bigger file is quarantined unread.
    max_file_bytes: int = 20 * 1024 * 1024
    #: A PDF with more pages is quarantined.
    max_pages: int = 30
    #: Wall-clock time to read one file, after which it is quarantined (0: no limit). docs/reliability.md
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
    #: Where the Prefect flow extracts: ``processes`` (a pool of worker processes on this machine) or
    #: ``dask`` (one Prefect task per batch on a Dask cluster; docs/scaling.md). ``FORMWORK_RUNNER``.
    runner: Literal["processes", "dask"] = "processes"
    #: The scheduler of an existing Dask cluster (``tcp://host:8786``); unset: a local cluster of
    #: ``workers`` processes, started for the run. ``FORMWORK_DASK_ADDRESS``.
    dask_address: str | None = None
    policy: Policy = Field(default_factory=Policy)
    limits: Limits = Field(default_factory=Limits)
    review: Review = Field(default_factory=Review)
    #: A folder of YAML form specs (docs/extractors.md) to register beside the built-in form types.
    specs_dir: Path | None = None
    #: Column/sheet mapping for a council whose records workbook differs.
    records_mapping: dict[str, Any] = Field(default_factory=dict)
    council_name: str = "Formwork District Council"
    smtp: Smtp = Field(default_factory=Smtp)
    ops: Operations = Field(default_factory=Operations)

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

    @property
    def worker_count(self) -> int:
        """Extraction processes: ``workers``, or one per CPU when it is 0."""
        return max(1, self.workers or os.cpu_count() or 1)

    @property
    def review_base_url(self) -> str:
        """Where staff open the review app: ``ops.review_url``, else ``formwork ui``'s own address."""
        if self.ops.review_url:
            return self.ops.review_url.rstrip("/")
        review = getattr(self, "review", None)  # the review app's settings, where it is installed
        host, port = (getattr(review, "host", "127.0.0.1"), getattr(review, "port", 8700))
        return f"http://{host}:{port}"


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

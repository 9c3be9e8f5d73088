"""Mailing a crawl report: a text message with the HTML report as its alternative, over SMTP.

The standard library's ``smtplib`` and ``email.message.EmailMessage`` do the work. Where the
mail goes comes from :class:`SMTPSettings`: options of ``tenderarchive report`` (or
``crawl --watchlist``) over ``TENDERARCHIVE_SMTP_*`` environment variables; user name and
password come from the environment only, never from the command line (where ``ps`` shows them).
"""

from __future__ import annotations

import os
import smtplib
from dataclasses import dataclass, field
from email.message import EmailMessage

from tenderarchive.watch.render import render_html, render_text
from tenderarchive.watch.report import Report


@dataclass
class SMTPSettings:
    """Where the report is mailed. ``user``/``password`` come from the environment only
    (``TENDERARCHIVE_SMTP_USER``, ``TENDERARCHIVE_SMTP_PASSWORD``), never from the command line."""

    host: str
    port: int = 25
    sender: str = "tenderarchive@localhost"
    recipients: list[str] = field(default_factory=list)
    starttls: bool = False
    user: str | None = None
    password: str | None = None
    timeout: float = 30

    @classmethod
    def from_env(cls, env=None, **overrides) -> "SMTPSettings":
        env = os.environ if env is None else env
        to = overrides.pop("recipients", None) or [
            a.strip() for a in env.get("TENDERARCHIVE_SMTP_TO", "").split(",") if a.strip()]
        def number(name: str, default: str, kind=int):
            try:
                return kind(env.get(name) or default)
            except ValueError:
                raise ValueError(f"{name} must be a number, not {env.get(name)!r}") from None

        values = {
            "host": env.get("TENDERARCHIVE_SMTP_HOST", "localhost"),
            "port": number("TENDERARCHIVE_SMTP_PORT", "25"),
            "sender": env.get("TENDERARCHIVE_SMTP_FROM", "tenderarchive@localhost"),
            "starttls": env.get("TENDERARCHIVE_SMTP_STARTTLS", "").lower() in ("1", "true", "yes", "on"),
            "user": env.get("TENDERARCHIVE_SMTP_USER") or None,
            "password": env.get("TENDERARCHIVE_SMTP_PASSWORD") or None,
            "timeout": number("TENDERARCHIVE_SMTP_TIMEOUT", "30", float),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(recipients=to, **values)


def email_message(report: Report, smtp: SMTPSettings) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = f"{report.watchlist.title}: {report.summary} (crawl {report.crawl_id})"
    message["From"] = smtp.sender
    message["To"] = ", ".join(smtp.recipients)
    message.set_content(render_text(report))
    message.add_alternative(render_html(report), subtype="html")
    return message


def send_email(report: Report, smtp: SMTPSettings) -> EmailMessage:
    """Mail the report (text and HTML alternative); raises ValueError without recipients
    and smtplib/OSError errors when the server refuses."""
    if not smtp.recipients:
        raise ValueError("no e-mail recipients: set --mail-to or TENDERARCHIVE_SMTP_TO")
    message = email_message(report, smtp)
    with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout) as client:
        if smtp.starttls:
            client.starttls()
        if smtp.user:
            client.login(smtp.user, smtp.password or "")
        client.send_message(message)
    return message

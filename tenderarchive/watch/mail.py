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
    # a crawl that did not complete says so in the subject, where the inbox shows it ("(crawl 2, partial)")
    status = report.crawl.get("status")
    outcome = f", {status}" if status and status != "complete" else ""
    message["Subject"] = f"{report.watchlist.title}: {report.summary} (crawl {report.crawl_id}{outcome})"
    message["From"] = smtp.sender
    message["To"] = ", ".join(smtp.recipients)
    message.set_content(render_text(report))
    message.add_alternative(render_html(report), subtype="html")
    return message


def send_email(report: Report, smtp: SMTPSettings, accepted=None) -> EmailMessage:
    """Mail the report (text and HTML alternative); raises ValueError without recipients
    and smtplib/OSError errors when the server refuses.

    ``accepted`` (no arguments) is called as soon as the server has accepted the message (its answer to the
    message's data), before the connection is closed: ``report --unreported`` records there that the crawl was
    reported. It recorded that after the close (``QUIT``), which a server may answer late or not at all: a run
    killed meanwhile (a timer's or cron's time limit) or a server hanging up instead of answering had mailed the
    report and not recorded it, and the next run mailed it again. A failure after the server accepted the message
    is no failure to mail it."""
    if not smtp.recipients:
        raise ValueError("no e-mail recipients: set --mail-to or TENDERARCHIVE_SMTP_TO")
    message = email_message(report, smtp)
    client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    try:
        if smtp.starttls:
            client.starttls()
        if smtp.user:
            client.login(smtp.user, smtp.password or "")
        client.send_message(message)
    except BaseException:
        client.close()
        raise
    try:
        if accepted is not None:
            accepted()
    finally:
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):  # sent: the server took the message; its goodbye is no matter
            client.close()
    return message

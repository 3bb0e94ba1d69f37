"""Sending email through the council's SMTP server (settings ``smtp``)."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from pathlib import Path

from formwork.settings import Smtp

XLSX = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


class MailError(RuntimeError):
    """The message could not be handed to the mail server (one line, no secrets)."""


def message(*, sender: str, to: str, subject: str, html: str, text: str,
            attachments: tuple[Path, ...] = ()) -> EmailMessage:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    for path in attachments:
        maintype, subtype = XLSX if path.suffix == ".xlsx" else ("application", "octet-stream")
        msg.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    return msg


def send(msg: EmailMessage, smtp: Smtp) -> None:
    """Hand ``msg`` to the server: TLS as ``smtp.tls`` says, signing in when a user is set."""
    context = ssl.create_default_context()
    try:
        client: smtplib.SMTP
        if smtp.tls == "ssl":
            client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout_seconds, context=context)
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout_seconds)
        with client:
            if smtp.tls == "starttls":
                client.starttls(context=context)
            if smtp.user:
                password = smtp.password.get_secret_value() if smtp.password else ""
                client.login(smtp.user, password)
            client.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"cannot send mail through {smtp.host}:{smtp.port}: {type(exc).__name__}: "
                        f"{str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")) from exc

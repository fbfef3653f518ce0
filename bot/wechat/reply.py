"""What anxun answers a user with: text, or a single-article news message.

A chat handler returns one as the passive reply; the outbox sends one later as a
customer-service message when the passive reply could not go out in time.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class News:
    """A single-article news reply: a title and summary the worker taps to open `url`."""

    title: str
    description: str
    url: str
    image: str = ""  # PicUrl: the article's picture

    def as_json(self) -> dict[str, str]:
        return {
            "title": self.title,
            "description": self.description,
            "url": self.url,
            "picurl": self.image,
        }


Reply = str | News

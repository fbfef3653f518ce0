"""The spool: callback messages kept on local disk until their effect is committed.

A message goes to the spool when the database cannot take it within the callback's budget
(down, hung, or a slow handler), and WeChat is then answered "success" — WeChat will not send it
again, so from that moment the spool file is the only copy. Invariant: a spooled message's file
is removed only after its effect (and its InboundMessage row) is committed, so a crash or an
outage at any point leaves either the file or the committed effect, never neither.

Files are queued per sender (`<account>/<sender>/<received_ns>-<key digest>.json`): a sender's
later message waits behind its spooled ones, so a worker's answers are graded in the order sent.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STALE_TMP_S = 60


@dataclass(frozen=True)
class Inbound:
    """A verified callback message: what the spool keeps and the inbox processes."""

    key: str  # the dedup key (MsgId, or sender + CreateTime + event)
    account: str
    fields: dict[str, str]  # the decrypted inner message, flat
    received_ns: int = 0
    message: Any = field(default=None, compare=False)  # the parsed message, when at hand

    @property
    def sender(self) -> str:
        return self.fields.get("FromUserName", "")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:24]


class Spool:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.busy: set[str] = set()  # keys this process is still finishing itself

    def _queue(self, account: str, sender: str) -> Path:
        return self.root / _digest(account) / _digest(sender)

    def _path(self, inbound: Inbound) -> Path:
        name = f"{inbound.received_ns:020d}-{_digest(inbound.key)}.json"
        return self._queue(inbound.account, inbound.sender) / name

    def holds(self, account: str, sender: str) -> bool:
        """Whether this sender has messages waiting (a new one must queue behind them)."""
        return self._queue(account, sender).is_dir()

    def put(self, inbound: Inbound) -> None:
        """Write durably (temp file, fsync, rename, fsync the folder); blocking: run in a thread."""
        if not inbound.received_ns:
            inbound = Inbound(inbound.key, inbound.account, inbound.fields, time.time_ns())
        path = self._path(inbound)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        data: dict[str, Any] = {"key": inbound.key, "account": inbound.account}
        data.update(fields=inbound.fields, received_ns=inbound.received_ns)
        with tmp.open("w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)

    def remove(self, inbound: Inbound) -> None:
        """Forget a message whose effect is committed; the sender's queue goes when empty."""
        queue = self._queue(inbound.account, inbound.sender)
        for path in queue.glob(f"*-{_digest(inbound.key)}.json"):
            path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # not empty (more waiting) or already gone
            queue.rmdir()

    def queues(self) -> Iterator[list[Inbound]]:
        """Each sender's waiting messages, oldest first."""
        if not self.root.is_dir():
            return
        for account_dir in sorted(
            p for p in self.root.iterdir() if p.is_dir() and p.name != "dead"
        ):
            for queue in sorted(p for p in account_dir.iterdir() if p.is_dir()):
                items = []
                for torn in queue.glob("*.tmp"):  # a write cut short by a crash: never renamed
                    if time.time() - torn.stat().st_mtime > STALE_TMP_S:
                        torn.unlink(missing_ok=True)
                for path in sorted(queue.glob("*.json")):
                    try:
                        raw = json.loads(path.read_text(encoding="utf-8"))
                        items.append(
                            Inbound(raw["key"], raw["account"], raw["fields"], raw["received_ns"])
                        )
                    except (OSError, ValueError, KeyError):
                        continue  # being replaced right now, or removed under us
                if items:
                    yield items
                else:
                    with contextlib.suppress(OSError):
                        queue.rmdir()

    def bury(self, inbound: Inbound) -> Path:
        """Move a message that can never be processed (its account is gone from the
        configuration, its fields no longer parse) aside for an operator; never deleted."""
        dead = self.root / "dead"
        dead.mkdir(parents=True, exist_ok=True)
        for path in self._queue(inbound.account, inbound.sender).glob(
            f"*-{_digest(inbound.key)}.json"
        ):
            os.replace(path, dead / path.name)
        self.remove(inbound)
        return dead

    def size(self) -> int:
        return sum(len(q) for q in self.queues())

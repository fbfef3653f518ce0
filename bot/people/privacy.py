"""Personal data at rest: encryption, keyed hashes for lookup (blind index), masking for display."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM


class Privacy:
    def __init__(self, key: str) -> None:
        root = key.encode()
        self._hash_key = hmac.new(root, b"anxun/blind-index", hashlib.sha256).digest()
        self._aead = AESGCM(hmac.new(root, b"anxun/encryption", hashlib.sha256).digest())
        self._link_key = hmac.new(root, b"anxun/links", hashlib.sha256).digest()

    def sign(self, text: str) -> str:
        """A short signature for links anxun hands out (card pages): 128 bits, hex."""
        return hmac.new(self._link_key, text.encode(), hashlib.sha256).hexdigest()[:32]

    def signed(self, text: str, signature: str) -> bool:
        return hmac.compare_digest(self.sign(text).encode(), signature.encode())

    def blind(self, value: str) -> str:
        return hmac.new(self._hash_key, value.encode(), hashlib.sha256).hexdigest()

    def encrypt(self, value: str) -> str:
        nonce = os.urandom(12)
        return base64.b64encode(nonce + self._aead.encrypt(nonce, value.encode(), None)).decode()

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        return self._aead.decrypt(raw[:12], raw[12:], None).decode()

    def tail_hash(self, name: str, tail: str) -> str:
        """The roster-match secret: name + last six of the ID number, upper-cased X."""
        return self.blind(f"tail:{name}:{tail.upper()}")

    def matches(self, stored: str, candidate: str) -> bool:
        return hmac.compare_digest(stored.encode(), candidate.encode())


def mask_id_number(number: str) -> str:
    return number[:4] + "*" * (len(number) - 8) + number[-4:] if len(number) > 8 else "****"


def mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 7 else "****"

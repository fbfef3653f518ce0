"""Inbound chat: the callback endpoint, the exactly-once inbox, the spool, router, ChatContext."""

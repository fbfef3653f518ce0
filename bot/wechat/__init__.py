"""WeChat channel code: callback endpoint, crypto wrapper, async API client."""

"""The WeChat platform adapter: crypto, the async API client and api/, errors, subscribe, menu."""

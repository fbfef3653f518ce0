"""WeChat API areas, one module each; every call names its official documentation page."""

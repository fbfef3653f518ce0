"""anxun core: the composition root (app, cli), what every area shares, one package per area."""

"""anxun core: config, app factory, storage, WeChat channel, identity, CLI and the simulator."""

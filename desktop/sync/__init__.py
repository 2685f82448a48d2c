"""Client side of the sync protocol (docs/sync-protocol.md). No Qt: the app's workers and the
headless `hromada-desk sync` command both drive it."""

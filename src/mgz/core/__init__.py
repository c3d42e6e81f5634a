"""The pure core: plain Python on immutable snapshots. Nothing here imports Django."""

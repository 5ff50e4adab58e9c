"""Analysis over the store: timelines, as-of snapshots, yearly series."""

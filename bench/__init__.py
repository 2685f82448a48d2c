"""`make bench`: speed measured as ratios against the naive way, in the same run."""

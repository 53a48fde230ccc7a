"""factmark and git: claim-level diffs, the textconv filter, the merge driver, set-up."""

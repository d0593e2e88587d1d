// Report definitions and scheduled runs.

#!/bin/sh
# Issue 22's trial, by hand: writes the two trial-like exports (Tests/TestSupport/TrialExports.swift),
# the mappings `pmo-report map` drafts for them and the same drafts with only their `# check` lines
# edited, then runs `pmo-report validate` on them as an analyst would. Usage: scripts/trial-import.sh [folder]
set -eu
folder=${1:-$(mktemp -d)}
mkdir -p "$folder"
PMO_TRIAL_FOLDER=$folder swift test --skip-build --filter TrialImportTests/keepTrialFiles >/dev/null
bin=$(swift build --show-bin-path)/pmo-report
echo "== $folder: validate with the edited drafts (one line per distinct finding)"
"$bin" validate -i "$folder/pmo-round-1.xlsx" -m "$folder/forms.yaml" -i "$folder/pmo-round-2.csv" -m "$folder/monkey.yaml"
echo "== the same with --all: $("$bin" validate --all -i "$folder/pmo-round-1.xlsx" -m "$folder/forms.yaml" -i "$folder/pmo-round-2.csv" -m "$folder/monkey.yaml" | wc -l) lines"

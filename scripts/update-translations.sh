#!/usr/bin/env bash
# Re-extract every marked string into translations/vocplan.pot and merge the
# new strings into each language's .po file. Run after changing any UI text;
# a test fails while the template is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel=${PYBABEL:-.venv/bin/pybabel}
"$pybabel" extract -F babel.cfg -k N_ -k ngettext:1,2 -k pgettext:1c,2 \
  --no-location --sort-output --omit-header --project VocPlan -o translations/vocplan.pot .
for language in cy pl; do
  po="translations/$language/LC_MESSAGES/vocplan.po"
  if [ -f "$po" ]; then
    "$pybabel" update --no-fuzzy-matching --ignore-obsolete -D vocplan -i translations/vocplan.pot -d translations -l "$language"
  else
    "$pybabel" init -D vocplan -i translations/vocplan.pot -d translations -l "$language"
  fi
done

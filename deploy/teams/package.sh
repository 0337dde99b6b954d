#!/usr/bin/env sh
# Builds the installable Teams app package (a zip of manifest.json and the two icons) for sideloading
# or for upload to the tenant's app catalogue.
#
#   MICROSOFT_APP_ID=<app registration client id> BOT_PUBLIC_HOST=bot.example.com deploy/teams/package.sh
#
# Variables: MICROSOFT_APP_ID (required: the Azure Bot's Microsoft App ID, a GUID), BOT_PUBLIC_HOST
# (required: the host name serving /api/messages), TEAMS_APP_VERSION (default 1.0.0),
# TEAMS_DEVELOPER_NAME (default "Architect Bot"), TEAMS_DEVELOPER_URL (default https://<BOT_PUBLIC_HOST>),
# OUT (default deploy/teams/build/architect-bot-teams.zip).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
: "${MICROSOFT_APP_ID:?set MICROSOFT_APP_ID to the Azure Bot's Microsoft App ID}"
: "${BOT_PUBLIC_HOST:?set BOT_PUBLIC_HOST to the host name that serves /api/messages, e.g. bot.example.com}"
if ! printf '%s' "$MICROSOFT_APP_ID" | grep -Eq '^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'; then
    echo "MICROSOFT_APP_ID=$MICROSOFT_APP_ID is not a GUID: copy the Microsoft App ID from the Azure Bot's Configuration page" >&2
    exit 1
fi
case "$BOT_PUBLIC_HOST" in
    */* | *:*) echo "BOT_PUBLIC_HOST=$BOT_PUBLIC_HOST must be a bare host name (no scheme, port or path)" >&2; exit 1 ;;
esac
export MICROSOFT_APP_ID BOT_PUBLIC_HOST
export TEAMS_APP_VERSION="${TEAMS_APP_VERSION:-1.0.0}"
export TEAMS_DEVELOPER_NAME="${TEAMS_DEVELOPER_NAME:-Architect Bot}"
export TEAMS_DEVELOPER_URL="${TEAMS_DEVELOPER_URL:-https://$BOT_PUBLIC_HOST}"
out="${OUT:-$here/build/architect-bot-teams.zip}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
vars='${MICROSOFT_APP_ID} ${BOT_PUBLIC_HOST} ${TEAMS_APP_VERSION} ${TEAMS_DEVELOPER_NAME} ${TEAMS_DEVELOPER_URL}'
if command -v envsubst >/dev/null 2>&1; then
    envsubst "$vars" < "$here/manifest.json" > "$work/manifest.json"
else
    sed -e "s|\${MICROSOFT_APP_ID}|$MICROSOFT_APP_ID|g" -e "s|\${BOT_PUBLIC_HOST}|$BOT_PUBLIC_HOST|g" \
        -e "s|\${TEAMS_APP_VERSION}|$TEAMS_APP_VERSION|g" -e "s|\${TEAMS_DEVELOPER_NAME}|$TEAMS_DEVELOPER_NAME|g" \
        -e "s|\${TEAMS_DEVELOPER_URL}|$TEAMS_DEVELOPER_URL|g" "$here/manifest.json" > "$work/manifest.json"
fi
if grep -q '\${' "$work/manifest.json"; then
    echo "manifest.json still has an unsubstituted \${...} placeholder" >&2
    exit 1
fi
cp "$here/color.png" "$here/outline.png" "$work/"

mkdir -p "$(dirname "$out")"
rm -f "$out"
# Teams wants the three files at the root of the zip, with no folder.
if command -v zip >/dev/null 2>&1; then
    (cd "$work" && zip -q -X "$out" manifest.json color.png outline.png)
else
    (cd "$work" && jar --create --no-manifest --file "$out" manifest.json color.png outline.png)
fi
echo "Teams app package: $out"

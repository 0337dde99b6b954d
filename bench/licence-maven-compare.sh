#!/usr/bin/env bash
# Times a licence check of bench/licence-200/pom.xml (about 200 resolved dependencies) with MojoHaus
# license-maven-plugin and with our CLI, cold and warm, against LIVE Maven Central. Run by hand from the
# repository root after `mvn -B -o -q -pl bot -am package -DskipTests`; needs network to Maven Central.
#   bench/licence-maven-compare.sh [runs=3] [workdir]
# Prints one line per run and leaves each tool's output in the work directory for the correctness diff
# (bench/licence-compare.py). Each run has its own local repository, Redis data and Maven cache: cold is
# the first use of them, warm the second, warm-again a third pass with the tools alternating.
set -uo pipefail
runs=${1:-3}
work=${2:-$(mktemp -d /tmp/licence-compare.XXXXXX)}
plugin=org.codehaus.mojo:license-maven-plugin:2.7.1
tools=${3:-plugin ours}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
jar=$PWD/bot/target/architect-bot.jar
pom=$PWD/bench/licence-200/pom.xml
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
mkdir -p "$work"
echo "work directory: $work; load: $(cut -d' ' -f1-3 /proc/loadavg)"

seconds() { local start=$1; echo "$(date +%s.%N) - $start" | bc; }

plugin_run() { # run label
    local project=$work/project-$1 start
    mkdir -p "$project" && cp "$pom" "$project/pom.xml"
    start=$(date +%s.%N)
    mvn -B -q -f "$project/pom.xml" -Dmaven.repo.local="$work/m2-$1" "$plugin:add-third-party" \
        > "$work/plugin-$2-$1.log" 2>&1
    local rc=$? elapsed; elapsed=$(seconds "$start")
    cp "$project/target/generated-sources/license/THIRD-PARTY.txt" "$work/plugin-$2-$1.txt" 2>/dev/null
    echo "plugin $2 run=$1 seconds=$elapsed exit=$rc load=$(cut -d' ' -f1 /proc/loadavg)"
}

ours_run() { # run label
    local start
    start=$(date +%s.%N)
    REDIS_DATA_DIR="$work/redis-$1" REDIS_EMBEDDED_PORT=$((16400 + $1)) MAVEN_CACHE_DIR="$work/maven-cache-$1" \
        "$java" -jar "$jar" license-check --format json "$pom" > "$work/ours-$2-$1.json" 2> "$work/ours-$2-$1.log"
    local rc=$? elapsed; elapsed=$(seconds "$start")
    echo "ours $2 run=$1 seconds=$elapsed exit=$rc deps=$(jq '.dependencies|length' "$work/ours-$2-$1.json" 2>/dev/null) load=$(cut -d' ' -f1 /proc/loadavg)"
}

for run in $(seq 1 "$runs"); do
    for tool in $tools; do
        "${tool}_run" "$run" cold
        "${tool}_run" "$run" warm
    done
done
# Warm again, the tools alternating, so that both meet the same load: the fair warm comparison.
for run in $(seq 1 "$runs"); do
    for tool in $tools; do
        "${tool}_run" "$run" warm-again
    done
done

#!/usr/bin/env bash
# Issue 12's side-by-side figures (docs/benchmarks.md): our CLI against license-maven-plugin on a Maven project of
# about 300 resolved dependencies, and against `npm install` + license-checker on an npm project of about 450,
# cold and warm, each a whole process (JVM / Node start included), against the LIVE registries. Run by hand from the
# repository root; needs hyperfine, mvn, node/npm and network to Maven Central and registry.npmjs.org.
#   bench/licence-vs.sh [runs=5] [workdir]
# Cold: every cache emptied before each run (hyperfine --prepare, not timed). Warm: the same command again.
# Peak resident memory: one more run of each of ours under /usr/bin/time -v.
set -euo pipefail
runs=${1:-5}
work=${2:-$(mktemp -d /tmp/licence-vs.XXXXXX)}
root=$PWD
plugin=org.codehaus.mojo:license-maven-plugin:2.7.1
pom=$root/bench/maven-300/pom.xml
npm_project=$root/bench/npm-450
mkdir -p "$work/tools" "$work/npm" "$work/project"
cp "$pom" "$work/project/pom.xml" # the plugin writes into the project folder
[ -x "$work/tools/node_modules/.bin/license-checker" ] ||
    (cd "$work/tools" && npm init -y >/dev/null && npm install -s --no-audit --no-fund license-checker@25.0.1)
checker=$work/tools/node_modules/.bin/license-checker
ours="REDIS_DATA_DIR=$work/ours/redis MAVEN_CACHE_DIR=$work/ours/maven REDIS_EMBEDDED_PORT=16479 $root/bin/architect-bot license-check --format json"
reset_ours="rm -rf $work/ours"
npm_install="cd $work/npm && npm install -s --ignore-scripts --no-audit --no-fund --cache $work/npm-cache"
reset_npm="rm -rf $work/npm && mkdir -p $work/npm && cp $npm_project/package.json $work/npm/ && rm -rf $work/npm-cache"
echo "work directory: $work; load: $(cut -d' ' -f1-3 /proc/loadavg)"
bench() { hyperfine --runs "$runs" --export-json "$work/$1.json" "${@:2}"; }

bench maven-cold --prepare "$reset_ours" "$ours $pom" \
    --prepare "rm -rf $work/m2" "mvn -B -q -f $work/project/pom.xml -Dmaven.repo.local=$work/m2 $plugin:add-third-party"
bench maven-warm "$ours $pom" "mvn -B -q -o -f $work/project/pom.xml -Dmaven.repo.local=$work/m2 $plugin:add-third-party"
bench npm-cold --prepare "$reset_ours" "$ours $npm_project/package.json" \
    --prepare "$reset_npm" "$npm_install && $checker --json --production"
bench npm-warm "$ours $npm_project/package.json" "$npm_install && $checker --json --production" \
    "cd $work/npm && $checker --json --production"
bench lockfile-warm "$ours $npm_project/package-lock.json"
for input in "$pom" "$npm_project/package.json" "$npm_project/package-lock.json"; do
    /usr/bin/time -v sh -c "$ours $input > /dev/null" 2>&1 | grep -E 'Maximum resident|Elapsed' | sed "s|^|$(basename "$input"): |"
done

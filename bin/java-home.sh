# Sourced by bin/architect-bot and bin/test: points JAVA_HOME at a JDK 21 or newer.
# Takes JAVA_HOME when it is new enough, else the newest JDK under the usual install folders.

java_major() { # prints the major version of the java binary given, or nothing
  # A JDK's release file says it without starting a JVM, which would cost a one-shot command a good part of its time.
  local release="${1%/bin/java}/release" major=""
  [ -f "$release" ] && major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
  if [ -n "$major" ]; then
    echo "$major"
  else
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
  fi
}

pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 home major
  for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$home/bin/javac" ] || continue
    major=$(java_major "$home/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$home" best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "Architect Bot needs a JDK 21 or newer: install one (e.g. 'apt-get install openjdk-21-jdk') or set JAVA_HOME." >&2
    exit 2
  fi
  export JAVA_HOME="$best"
}

pick_jdk
export PATH="$JAVA_HOME/bin:$PATH"
if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ] 2>/dev/null; then
  # Maven 3.8 uses sun.misc.Unsafe; newer JDKs warn about it on every build.
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

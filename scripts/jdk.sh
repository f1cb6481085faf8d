# Sourced by ./handoff and ./test. Finds a JDK 25 at run time and exports JAVA_HOME, so that the build never
# depends on which java is the machine's default (Debian's default is 17).
handoff_java_major() {  # JDK_DIR -> major version, from its release file
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

handoff_find_jdk() {
  local want=25 d
  # Maven's own libraries use sun.misc.Unsafe; JDK 25 warns about it on every run.
  case "${MAVEN_OPTS:-}" in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
  if [ -n "${JAVA_HOME:-}" ] && [ "$(handoff_java_major "$JAVA_HOME")" = "$want" ]; then
    return 0
  fi
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* ; do
    [ -x "$d/bin/javac" ] || continue
    if [ "$(handoff_java_major "$d")" = "$want" ]; then
      export JAVA_HOME="$d"
      return 0
    fi
  done
  echo "handoff: no JDK $want found (looked in \$JAVA_HOME, /usr/lib/jvm, /opt/java)." >&2
  echo "handoff: install one (e.g. Temurin 25) or set JAVA_HOME to it, then run this again." >&2
  return 1
}

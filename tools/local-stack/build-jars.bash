# Sourced by ./herald-local and ./herald-benchmark: builds the jars with the Maven wrapper and prints one line per
# module as the reactor reaches it, so that a first build of a minute or more is not silence. Maven's whole output
# goes to a log; when the build fails its errors are printed in full.
#   build_jars <log file> [more Maven arguments]

build_jars() {
  local log=$1 started=$SECONDS
  shift
  mkdir -p "$(dirname "$log")"
  # tests are for ./mvnw verify; here only the jars are needed
  if ./mvnw -B -Dstyle.color=never -Dmaven.test.skip=true -Dspotless.check.skip=true -Djacoco.skip=true "$@" \
      package 2>&1 | tee "$log" | _build_progress "$started"; then
    echo "Built in $((SECONDS - started)) s"
  else
    echo >&2
    # an error before Maven logs anything (no Java, no network for the wrapper) has no [ERROR] prefix
    grep '^\[ERROR\]' "$log" >&2 || tail -n 40 "$log" >&2
    echo "The build failed; Maven's whole output is in $log" >&2
    return 1
  fi
}

# Maven's "Building Herald catalogue 0.1.0-SNAPSHOT   [3/11]" as "  [ 3/11] Herald catalogue   (12 s)"; a first
# build on a machine without the dependencies in ~/.m2 also says that it is downloading, once per module.
_build_progress() {
  local started=$1 line name downloading=
  while IFS= read -r line; do
    if [[ $line =~ ^\[INFO\]\ Building\ (.*[^ ])\ +\[([0-9]+)/([0-9]+)\]$ ]]; then
      name=${BASH_REMATCH[1]}
      printf '  [%2d/%d] %-32s (%d s)\n' "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}" "${name% *}" \
        $((SECONDS - started))
      downloading=
    elif [[ -z $downloading && $line == '[INFO] Downloading from '* ]]; then
      echo "          downloading dependencies into ~/.m2 (once per machine)"
      downloading=yes
    fi
  done
}

#!/usr/bin/env bash
# Runs the assembled distribution's launcher as a user would and checks exit codes and output.
# Usage: launcher-test.sh DIST_DIR REPO_DIR
set -uo pipefail

dist=$1
repo=$2
launcher=$dist/bin/ecsgen
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
passed=0
failed=0

check() {
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "launcher test failed: $name" >&2
  fi
}

version_prints_name() {
  "$launcher" --version | grep -q '^ecsgen '
}

generate_matches_golden() {
  "$launcher" generate "$dist/examples/reference.yaml" -o "$scratch/stack.json" 2>"$scratch/err" &&
    [ ! -s "$scratch/err" ] &&
    cmp -s "$scratch/stack.json" "$repo/core/engine/src/test/resources/golden/reference.json"
}

generate_from_other_folder() {
  (cd "$scratch" && "$launcher" generate "$dist/examples/reference.yaml" >"$scratch/stdout.json") &&
    cmp -s "$scratch/stdout.json" "$repo/core/engine/src/test/resources/golden/reference.json"
}

plugins_load_from_jars() {
  local listing
  listing=$("$launcher" plugins) || return 1
  grep -q '^registry-dockerhub .* started .*registry dockerhub' <<<"$listing" &&
    grep -q '^ami-ecs-optimized .* started .*ami ecs-optimized' <<<"$listing"
}

invalid_spec_exits_2() {
  printf 'name: bad name\ntasks: []\n' >"$scratch/bad.yaml"
  "$launcher" generate "$scratch/bad.yaml" -o "$scratch/bad.json" 2>"$scratch/err"
  [ $? -eq 2 ] && [ ! -e "$scratch/bad.json" ] && grep -q "bad.yaml:1:7: invalid value 'bad name' for name" "$scratch/err"
}

version_lists_plugin_jars() {
  local version
  version=$("$launcher" --version) || return 1
  grep -q '^  registry-dockerhub [0-9][^ ]*: registry dockerhub$' <<<"$version" &&
    grep -q '^  ami-ecs-optimized [0-9][^ ]*: ami ecs-optimized$' <<<"$version"
}

# The warm-up thread must not make the first SLF4J logger: the backend reads the level once, and
# --verbose sets it after the command line is parsed.
verbose_logs_stages_with_warmup() {
  "$launcher" generate "$dist/examples/reference.yaml" -o "$scratch/verbose.json" --verbose 2>"$scratch/err" &&
    grep -q '^\[INFO\] Command line parsed [0-9]* ms after the JVM started$' "$scratch/err" &&
    grep -q '^\[INFO\] Loaded spec ' "$scratch/err" &&
    grep -q '^\[INFO\] Rendered and merged ' "$scratch/err" &&
    ECSGEN_JAVA_OPTS=-Decsgen.warmup=false "$launcher" generate "$dist/examples/reference.yaml" \
      -o "$scratch/cold.json" --quiet &&
    cmp -s "$scratch/verbose.json" "$scratch/cold.json"
}

man_pages_installed() {
  local page
  for page in ecsgen ecsgen-generate ecsgen-plugins ecsgen-schema ecsgen-diagram ecsgen-init ecsgen-completion; do
    [ -s "$dist/man/man1/$page.1" ] || return 1
  done
  if command -v man >/dev/null; then
    MANWIDTH=80 man -l "$dist/man/man1/ecsgen-generate.1" 2>/dev/null | grep -q 'ecsgen-generate *- *Generates'
  fi
}

symlinked_launcher_finds_home() {
  ln -s "$launcher" "$scratch/ecsgen-link" && "$scratch/ecsgen-link" plugins | grep -q 'registry-dockerhub'
}

cds_archive_is_used() {
  [ -s "$dist/lib/ecsgen.jsa" ] &&
    ECSGEN_JAVA_OPTS=-Xlog:class+load "$launcher" --version >"$scratch/classes" &&
    grep -q '^\[.*dev\.ecsgen\.cli\.Main source: shared objects file (top)' "$scratch/classes"
}

generate_same_with_and_without_archive() {
  rm -rf "$scratch/plain" && cp -r "$dist" "$scratch/plain" && rm -f "$scratch/plain/lib/ecsgen.jsa" &&
    "$launcher" generate "$dist/examples/reference.yaml" -o "$scratch/with.json" &&
    "$scratch/plain/bin/ecsgen" generate "$dist/examples/reference.yaml" -o "$scratch/without.json" &&
    cmp -s "$scratch/with.json" "$scratch/without.json" &&
    cmp -s "$scratch/with.json" "$repo/core/engine/src/test/resources/golden/reference.json"
}

# A moved folder keeps an archive whose class path no longer matches; the JVM must ignore it quietly.
stale_archive_is_ignored_silently() {
  rm -rf "$scratch/moved" && cp -r "$dist" "$scratch/moved" && [ -s "$scratch/moved/lib/ecsgen.jsa" ] &&
    "$scratch/moved/bin/ecsgen" generate "$dist/examples/reference.yaml" -o "$scratch/moved.json" 2>"$scratch/err" &&
    [ ! -s "$scratch/err" ] &&
    cmp -s "$scratch/moved.json" "$repo/core/engine/src/test/resources/golden/reference.json" &&
    ECSGEN_JAVA_OPTS=-Xlog:class+load "$scratch/moved/bin/ecsgen" --version >"$scratch/classes" &&
    ! grep -q 'dev\.ecsgen\.cli\.Main source: shared objects file' "$scratch/classes"
}

cds_archive_script_recreates_archive() {
  rm -rf "$scratch/moved" && cp -r "$dist" "$scratch/moved" &&
    "$scratch/moved/bin/ecsgen-cds-archive" >"$scratch/out" 2>"$scratch/err" &&
    [ ! -s "$scratch/err" ] && grep -qx "created $scratch/moved/lib/ecsgen.jsa" "$scratch/out" &&
    ECSGEN_JAVA_OPTS=-Xlog:class+load "$scratch/moved/bin/ecsgen" --version >"$scratch/classes" &&
    grep -q 'dev\.ecsgen\.cli\.Main source: shared objects file (top)' "$scratch/classes" &&
    "$scratch/moved/bin/ecsgen" generate "$dist/examples/reference.yaml" -o "$scratch/recreated.json" &&
    cmp -s "$scratch/recreated.json" "$repo/core/engine/src/test/resources/golden/reference.json"
}

# A folder whose path has a space: the archive script still writes the archive and leaves no
# temporary file. (OpenJDK 17 then loads the classes from the jars anyway, so the archive's use is
# not checked here.)
cds_archive_script_handles_space_in_path() {
  local moved="$scratch/moved here"
  rm -rf "$moved" && cp -r "$dist" "$moved" &&
    "$moved/bin/ecsgen-cds-archive" >"$scratch/out" 2>"$scratch/err" &&
    [ ! -s "$scratch/err" ] && grep -qx "created $moved/lib/ecsgen.jsa" "$scratch/out" &&
    [ -s "$moved/lib/ecsgen.jsa" ] && ! ls -A "$moved/lib" | grep -q '^\.ecsgen' &&
    "$moved/bin/ecsgen" generate "$dist/examples/reference.yaml" -o "$scratch/spaced.json" 2>"$scratch/err" &&
    [ ! -s "$scratch/err" ] &&
    cmp -s "$scratch/spaced.json" "$repo/core/engine/src/test/resources/golden/reference.json"
}

# When the archive cannot be made, the script fails and leaves the archive that was there.
cds_archive_script_keeps_old_archive_on_failure() {
  local kept="$scratch/kept"
  rm -rf "$kept" && cp -r "$dist" "$kept" && cp "$kept/lib/ecsgen.jsa" "$scratch/old.jsa" &&
    rm "$kept/examples/reference.yaml" &&
    ! "$kept/bin/ecsgen-cds-archive" >/dev/null 2>&1 &&
    cmp -s "$kept/lib/ecsgen.jsa" "$scratch/old.jsa" && ! ls -A "$kept/lib" | grep -q '^\.ecsgen'
}

# init and schema -o log nothing but init's hint, and --quiet hides that too.
init_and_schema_are_quiet() {
  "$launcher" init "$scratch/init" 2>"$scratch/err" >/dev/null &&
    [ "$(wc -l <"$scratch/err")" -eq 1 ] && grep -q '^wrote .*; generate it with' "$scratch/err" &&
    "$launcher" init "$scratch/init-quiet" --quiet 2>"$scratch/err" && [ ! -s "$scratch/err" ] &&
    "$launcher" schema -o "$scratch/schema.json" 2>"$scratch/err" && [ ! -s "$scratch/err" ] &&
    [ -s "$scratch/schema.json" ]
}

tarball_leaves_out_archive() {
  local listing
  listing=$(tar tzf "$dist.tar.gz") || return 1
  grep -q '/bin/ecsgen-cds-archive$' <<<"$listing" && ! grep -q 'ecsgen\.jsa' <<<"$listing"
}

# The version listing shows no "(class path)" entry: an installed distribution finds its plugins in
# plugins/ only, and the AWS SDK sits in lib/aws.
distribution_skips_class_path_plugins() {
  local listing
  listing=$("$launcher" --version) || return 1
  ! grep -q '(class path)' <<<"$listing" && [ -s "$(ls "$dist"/lib/aws/ssm-*.jar)" ] &&
    ! ls "$dist"/lib/ssm-*.jar >/dev/null 2>&1
}

# bench/run times bench/floor/LibraryFloor.java against these libraries, so it must still compile
# and run with them.
library_floor_runs() {
  mkdir -p "$scratch/floor" &&
    javac -nowarn -d "$scratch/floor" -cp "$dist/lib/*" "$repo/bench/floor/LibraryFloor.java" &&
    java -cp "$scratch/floor:$dist/lib/*" LibraryFloor "$dist/examples/reference.yaml" \
      -o "$scratch/floor.json" --plugins "$dist/plugins" 2>"$scratch/err" &&
    [ ! -s "$scratch/err" ] && grep -q '"Family" : "web"' "$scratch/floor.json"
}

# FreeMarker starts on the warm-up thread while the main thread parses the command line. Its loggers
# must not fix the log level before --quiet sets it, so a long command line still prints nothing.
quiet_with_slow_parse_prints_nothing() {
  local args=() i
  mkdir -p "$scratch/empty-fragments" &&
    for i in $(seq 2000); do args+=(--fragments "$scratch/empty-fragments"); done &&
    "$launcher" generate "$dist/examples/reference.yaml" -o "$scratch/quiet.json" --quiet "${args[@]}" \
      2>"$scratch/err" && [ ! -s "$scratch/err" ]
}

# bench/ab, which the benchmark page uses to compare builds, prints one line per command.
bench_ab_works() {
  "$repo/bench/ab" 2 "$launcher --version" true >"$scratch/ab" 2>"$scratch/err" &&
    [ "$(grep -c '^wall .* ms  cpu .* ms  ' "$scratch/ab")" -eq 2 ] &&
    ! "$repo/bench/ab" 1 false >/dev/null 2>&1
}

# A batch with --verbose runs one spec at a time, so each spec's stage lines come together, in order.
verbose_batch_keeps_spec_lines_together() {
  local i order
  mkdir -p "$scratch/batch-specs" &&
    for i in 1 2 3; do
      sed "s/^name: web-cluster$/name: web-cluster-$i/" "$dist/examples/reference.yaml" >"$scratch/batch-specs/s$i.yaml"
    done &&
    "$launcher" generate "$scratch/batch-specs" --out-dir "$scratch/batch-out" --verbose 2>"$scratch/err" &&
    order=$(grep -o 's[0-9]\.yaml\|s[0-9]\.json\|web-cluster-[0-9]' "$scratch/err" | grep -o '[0-9]') &&
    [ "$(wc -l <<<"$order")" -eq 15 ] && sort -c <<<"$order"
}

check "--version prints the name" version_prints_name
check "generate -o writes the golden reference template" generate_matches_golden
check "generate to stdout from another folder" generate_from_other_folder
check "plugins load from the plugins/ jars" plugins_load_from_jars
check "an invalid spec exits 2 and writes nothing" invalid_spec_exits_2
check "a symbolic link to the launcher works" symlinked_launcher_finds_home
check "--version lists the plugin jars and their versions" version_lists_plugin_jars
check "man pages are in man/man1" man_pages_installed
check "--verbose logs each stage, and the warm-up changes no output" verbose_logs_stages_with_warmup
check "the CDS archive is in lib/ and the JVM maps it" cds_archive_is_used
check "generate gives the same bytes with and without the CDS archive" generate_same_with_and_without_archive
check "a stale CDS archive is ignored without a message" stale_archive_is_ignored_silently
check "bin/ecsgen-cds-archive recreates the archive for a moved folder" cds_archive_script_recreates_archive
check "bin/ecsgen-cds-archive works in a folder whose path has a space" cds_archive_script_handles_space_in_path
check "bin/ecsgen-cds-archive keeps the old archive when it fails" cds_archive_script_keeps_old_archive_on_failure
check "init and schema -o print only init's hint, and nothing with --quiet" init_and_schema_are_quiet
check "the tar.gz leaves out the CDS archive" tarball_leaves_out_archive
check "an installed distribution skips class-path plugins; the AWS SDK is in lib/aws" distribution_skips_class_path_plugins
check "bench/floor compiles and runs against lib/" library_floor_runs
check "bench/ab times two commands and stops at a failing one" bench_ab_works
check "a --verbose batch keeps each spec's log lines together" verbose_batch_keeps_spec_lines_together
check "--quiet prints nothing even when parsing takes long" quiet_with_slow_parse_prints_nothing

echo "launcher: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Reruns every benchmark in bench/ and writes its results.
#   bench/run-all.sh                  everything at full scale (the replay alone takes about half an hour on 2 cores)
#   REPLAY_ARGS="--scale 0.05" bench/run-all.sh    the replay in its fast mode
#   bench/run-all.sh Replay Handbook  only these (folder names under bench/)
# Benchmarks that write their own section of bench/RESULTS.md are run with --write (Handbook, Replay); the others
# print their tables, which go to bench/results/<name>.md with the date, the machine and the command.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mkdir -p bench/results

echo "== building the host (Release) and the benchmarks"
dotnet build -c Release src/OutreachBot -v quiet -nologo
for project in bench/*/*.csproj; do
  dotnet build -c Release "$project" -v quiet -nologo
done

machine() {
  local cpu mem os
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
  mem=$(awk '/MemTotal/ {printf "%.0f GB", $2/1024/1024}' /proc/meminfo)
  os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
  echo "$(nproc) × ${cpu}, ${mem} RAM, ${os}, .NET SDK $(dotnet --version); load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

printed() { # name, command...
  local name=$1; shift
  local out="bench/results/${name}.md"
  echo "== ${name}: $*"
  {
    echo "# ${name}"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M') UTC"
    echo "- Machine: $(machine)"
    echo "- Command: \`$*\`"
    echo
    "$@"
  } > "${out}.tmp" && mv "${out}.tmp" "$out"
  echo "   written to $out"
}

wanted=("$@")
runs() { [ ${#wanted[@]} -eq 0 ] || printf '%s\n' "${wanted[@]}" | grep -qx "$1"; }

for dir in bench/*/; do
  name=$(basename "$dir")
  ls "$dir"/*.csproj >/dev/null 2>&1 || continue
  runs "$name" || continue
  case "$name" in
    Handbook)
      echo "== Handbook (writes its section of bench/RESULTS.md)"
      dotnet run -c Release --no-build --project bench/Handbook -- --write ;;
    Replay)
      echo "== Replay (writes its section of bench/RESULTS.md)"
      # shellcheck disable=SC2086
      dotnet run -c Release --no-build --project bench/Replay -- --write ${REPLAY_ARGS:-} ;;
    *)
      printed "$name" dotnet run -c Release --no-build --project "bench/$name" ;;
  esac
done
echo "== done ($(date -u '+%H:%M') UTC); see bench/RESULTS.md and bench/results/"

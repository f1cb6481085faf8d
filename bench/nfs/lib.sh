# Shared by bench/nfs/compare.sh and bench/nfs/cluster-cost.sh (sourced, not run): packages, the load
# generator, the listing directory, the interleaved A/B rounds and the tables (markdown, JSON, gnuplot data).
# The caller sets `work`, `rounds`, `seconds`, `workloads`, `depths` and defines
#   run SIDE WORKLOAD DEPTH SECONDS   one load-generator run against side A or B, its JSON line on stdout.

ALL_WORKLOADS="null getattr lookup access create readdirplus write read randread"
log() { echo "== $(date +%H:%M:%S) $*" >&2; }

# bench_packages PKG=PATH...: installs the packages whose PATH is missing, keeping their daemons from starting.
bench_packages() {
  local missing=() pair policy=/usr/sbin/policy-rc.d created=0
  for pair in "$@"; do [ -e "${pair#*=}" ] || missing+=("${pair%%=*}"); done
  [ "${#missing[@]}" -gt 0 ] || return 0
  log "installing ${missing[*]} (apt-get; their daemons are kept from starting)"
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; created=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
  [ "$created" = 1 ] && rm -f "$policy"
  return 0
}

bench_build_loadgen() {
  log "building the load generator"
  gcc -O2 -Wall -o "$work/loadgen" "$root/bench/nfs/loadgen.c" -lnfs
}

# bench_export DIR: an export directory owned by the load generator's uid 1000 (exports squash root), holding
# the READDIRPLUS directory loadgen.rdp of LOADGEN_RDP_ENTRIES empty files f00000...; made on the disk directly,
# since how it was made is not what is measured.
bench_export() {
  local dir="$1" n="${LOADGEN_RDP_ENTRIES:-50000}"
  mkdir -p "$dir/loadgen.rdp"
  (cd "$dir/loadgen.rdp" && seq -f 'f%05.0f' 0 $((n - 1)) | xargs touch)
  chown -R 1000:1000 "$dir"
}

# bench_wait_up SIDE LOG...: polls SIDE with short GETATTR runs (up to 60 s); on failure shows the LOGs.
bench_wait_up() {
  local side="$1" i; shift
  for i in $(seq 150); do run "$side" getattr 1 0.2 >/dev/null 2>&1 && return 0; sleep 0.4; done
  log "$side did not come up; its logs:"; tail -20 "$@" 2>/dev/null >&2; return 1
}

# bench_rounds A B: warm-up, then for every workload and depth ROUNDS rounds, A and B taking turns to go first
# (drift on a shared machine falls on both); one line per run in $work/results:
#   workload depth side round value p50_us p99_us unit better
bench_rounds() {
  local a="$1" b="$2" w d r s order line value p50 p99 unit better
  log "warming up (JIT, caches, data files): 2 s per workload and side"
  for w in $workloads; do
    d=32; [ "$w" = readdirplus ] && d=1
    for s in "$a" "$b"; do run "$s" "$w" "$d" 2 >/dev/null || { log "$s $w: warm-up failed"; return 1; }; done
  done
  : >"$work/results"
  for w in $workloads; do
    for d in $depths; do
      for r in $(seq "$rounds"); do
        if [ $((r % 2)) = 1 ]; then order="$a $b"; else order="$b $a"; fi
        for s in $order; do
          if ! line="$(run "$s" "$w" "$d" "$seconds" 2>"$work/run.err")"; then
            cat "$work/run.err" >&2
            # A broken connection (a server under overload, a VIP that moved) is not a wrong reply: once more.
            grep -q 'connection lost\|timed out\|rpc_service' "$work/run.err" || { log "$s $w depth $d: verification failed: $line"; return 1; }
            log "$s $w depth $d: the connection broke; running it once more"
            line="$(run "$s" "$w" "$d" "$seconds")" || { log "$s $w depth $d: failed again: $line"; return 1; }
          fi
          value="$(sed -n 's/.*"value":\([0-9.]*\).*/\1/p' <<<"$line")"
          p50="$(sed -n 's/.*"p50_us":\([0-9]*\).*/\1/p' <<<"$line")"
          p99="$(sed -n 's/.*"p99_us":\([0-9]*\).*/\1/p' <<<"$line")"
          unit="$(sed -n 's/.*"unit":"\([^"]*\)".*/\1/p' <<<"$line")"
          better="$(sed -n 's/.*"better":"\([^"]*\)".*/\1/p' <<<"$line")"
          echo "$w $d $s $r $value $p50 $p99 $unit $better" >>"$work/results"
          log "$w depth $d round $r/$rounds $s: $value $unit, p50 ${p50} us, p99 ${p99} us"
        done
      done
    done
  done
}

# bench_tables A B LABEL_A LABEL_B OUT_PREFIX CAPTION: OUT_PREFIX.md (table), .json (every figure), .dat (for
# gnuplot: workload depth unit better medA minA maxA medB minB maxB ratio). The ratio is always "higher means
# A is better": A/B for rates, B/A for times (READDIRPLUS seconds per listing).
bench_tables() {
  local a="$1" b="$2" la="$3" lb="$4" out="$5" caption="$6"
  awk -v A="$a" -v B="$b" '
    function median(v, n,   i, j, t) {
      for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
      return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    { key = $1 " " $2; if (!(key in seen)) { seen[key] = 1; keys[++nk] = key; unit[key] = $8; better[key] = $9 }
      k = key SUBSEP $3; n[k]++; val[k, n[k]] = $5; p50[k, n[k]] = $6; p99[k, n[k]] = $7 }
    END {
      for (q = 1; q <= nk; q++) {
        key = keys[q]; line = key " " unit[key] " " better[key]
        for (s = 0; s < 2; s++) {
          k = key SUBSEP (s ? B : A); m = n[k]; lo = 1e18; hi = -1; list = ""
          delete v; for (i = 1; i <= m; i++) { v[i] = val[k, i]; if (v[i] < lo) lo = v[i]; if (v[i] > hi) hi = v[i]; list = list (i > 1 ? "," : "") v[i] }
          med[s] = median(v, m)
          delete v; for (i = 1; i <= m; i++) v[i] = p50[k, i]; l50 = median(v, m)
          delete v; for (i = 1; i <= m; i++) v[i] = p99[k, i]; l99 = median(v, m)
          line = line sprintf(" %g %g %g %d %d %s", med[s], lo, hi, l50, l99, list)
        }
        ratio = better[key] == "lower" ? (med[0] > 0 ? med[1] / med[0] : 0) : (med[1] > 0 ? med[0] / med[1] : 0)
        print line, sprintf("%.3f", ratio)
      }
    }' "$work/results" >"$out.raw"
  # raw: w d unit better | medA loA hiA p50A p99A listA | medB loB hiB p50B p99B listB | ratio
  awk '{ print $1, $2, $3, $4, $5, $6, $7, $11, $12, $13, $17 }' "$out.raw" >"$out.dat"
  awk -v la="$la" -v lb="$lb" -v caption="$caption" '
    function num(x, unit) { return unit == "s/listing" ? sprintf("%.3f", x) : (x >= 100 ? sprintf("%d", x + 0.5) : sprintf("%.1f", x)) }
    function ms(us) { return us >= 100000 ? sprintf("%d", us / 1000 + 0.5) : sprintf("%.2f", us / 1000) }
    BEGIN { print caption; print "";
      printf "| workload | in flight | unit | %s median (min-max) | %s median (min-max) | %s/%s | %s p50/p99 ms | %s p50/p99 ms |\n", la, lb, la, lb, la, lb
      print "|---|---:|---|---:|---:|---:|---:|---:|" }
    { printf "| %s | %s | %s | %s (%s-%s) | %s (%s-%s) | %.2f | %s / %s | %s / %s |\n", $1, $2, $3,
        num($5, $3), num($6, $3), num($7, $3), num($11, $3), num($12, $3), num($13, $3), $17,
        ms($8), ms($9), ms($14), ms($15) }
  ' "$out.raw" >"$out.md"
  awk -v la="$la" -v lb="$lb" -v rounds="$rounds" -v secs="$seconds" -v date="$(date -u +%FT%TZ)" '
    BEGIN { printf "{\"date\":\"%s\",\"a\":\"%s\",\"b\":\"%s\",\"rounds\":%d,\"seconds\":%s,\"rows\":[", date, la, lb, rounds, secs }
    { printf "%s\n {\"workload\":\"%s\",\"depth\":%d,\"unit\":\"%s\",\"better\":\"%s\",\"ratio\":%s,", (NR > 1 ? "," : ""), $1, $2, $3, $4, $17
      printf "\"a\":{\"median\":%s,\"min\":%s,\"max\":%s,\"p50_us\":%d,\"p99_us\":%d,\"rounds\":[%s]},", $5, $6, $7, $8, $9, $10
      printf "\"b\":{\"median\":%s,\"min\":%s,\"max\":%s,\"p50_us\":%d,\"p99_us\":%d,\"rounds\":[%s]}}", $11, $12, $13, $14, $15, $16 }
    END { print "]}" }' "$out.raw" >"$out.json"
  rm -f "$out.raw"
}

# Per-move stage durations from two query_range answers (--slurpfile sum, --slurpfile count) of
# `sum by (stage, kind) (handoff_vip_stage_duration_seconds_{sum,count})`: a timer only grows, so what one move
# added is its value at the end of that move's window minus its value before the window. Windows run from one
# move's start ($starts, epoch seconds) to the next's; $order lists the stages to show, as kind/stage. Prints a
# gnuplot table: a header of stage names ("old:" the node giving the VIP away, "new:" the one taking it), then
# one row per move: its $names label, then milliseconds per stage ("-" when the stage did not run in it).
def key: "\(.metric.kind)/\(.metric.stage)";
def at($values; $t): [$values[] | select(.[0] < $t) | .[1] | tonumber] | last // 0;
def added($series; $k; $from; $to):
  ($series | map(select(key == $k)) | first // null) as $s
  | if $s == null then 0 else at($s.values; $to) - at($s.values; $from) end;
($order | split(",")) as $wanted
| ($sum[0].data.result | map(key) | unique) as $present
| [$wanted[] | select(. as $w | $present | any(. == $w))] as $stages
| ($starts | split(",") | map(tonumber)) as $t
| ($names | split(",")) as $labels
| ([$t[1:][], 1e12]) as $ends
| ("move " + ($stages | map("\"" + (sub("^handoff/"; "old: ") | sub("^acquire/"; "new: ")) + "\"") | join(" "))),
  (range(0; $t | length) as $i
   | [("\"" + $labels[$i] + "\"")]
     + [$stages[] as $k
        | added($count[0].data.result; $k; $t[$i]; $ends[$i]) as $n
        | if $n > 0 then (added($sum[0].data.result; $k; $t[$i]; $ends[$i]) / $n * 1000 * 100 | round / 100
                          | tostring)
          else "-" end]
   | join(" "))

# A Prometheus query_range answer as gnuplot data: one block per series, the series' name first (from the label
# named $by, "all" when absent), then "seconds value" rows with time counted from $t0; blocks are apart by two
# blank lines, so gnuplot reaches each with `index` and names it with columnheader. $top keeps the series with
# the largest sums (0 keeps all), so that a busy panel shows the procedures that matter.
.data.result
| map(. + {total: ([.values[][1] | select(test("^[-0-9.e+]+$")) | tonumber] | add // 0)})
| (if $top > 0 then sort_by(-.total) | .[:$top] else . end)
| sort_by(.metric[$by] // "")
| .[]
| "\"\(.metric[$by] // "all")\"",
  (.values[] | "\((.[0] - $t0) * 1000 | round / 1000) \(.[1])"),
  "", ""

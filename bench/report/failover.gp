# The kernel client's longest stall per failover event, drawn by bench/report.sh: planned moves and crash
# takeovers side by side, the p99 target of each as a dashed line.
#   gnuplot -e "dat='...'; out='...'; caption='...'" failover.gp
# dat: block 0 "move I STALL_MS" rows, block 1 "kill I STALL_MS" rows.
set terminal pngcairo size 1600,600 font "DejaVu Sans,11" noenhanced
set output out
set multiplot layout 1,2 title caption font ",13"
set grid ytics lc rgb "#dddddd"
set border 3
set tics nomirror
set style fill solid 0.85 border -1
set boxwidth 0.7
set yrange [0:*]
set xtics 1
set offsets 0.6, 0.6, 0, 0
set xlabel "event"
set ylabel "longest I/O stall, ms"
set key top right
set title "planned moves (handoff vip move)"
plot dat index 0 using 2:3 with boxes lc rgb "#1f77b4" title "stall", \
     200 with lines dt 2 lw 2 lc rgb "#d62728" title "p99 target 200 ms"
set title "crash takeovers (kill -9 of the owner)"
plot dat index 1 using 2:3 with boxes lc rgb "#ff7f0e" title "stall", \
     5000 with lines dt 2 lw 2 lc rgb "#d62728" title "p99 target 5 s"
unset multiplot

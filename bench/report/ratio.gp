# The ratios of both comparisons in one PNG, drawn by bench/report.sh: Handoff/Ganesha and cluster/single per
# workload and calls in flight (> 1: Handoff, or the cluster, better), the targets as diamonds, 1.0 dashed.
#   gnuplot -e "dir='...'; out='...'; caption='...'" ratio.gp
# dir/ratio-ganesha.dat, dir/ratio-cluster.dat: rows "LABEL ratio target" (target "-" when none).
set terminal pngcairo size 1600,700 font "DejaVu Sans,11" noenhanced
set output out
set datafile missing "-"
set multiplot layout 1,2 title caption font ",13"
set grid ytics lc rgb "#dddddd"
set border 3
set tics nomirror
set style fill solid 0.85 border -1
set boxwidth 0.7
set yrange [0:*]
set xtics rotate by 45 right font ",9"
set arrow 1 from graph 0, first 1 to graph 1, first 1 nohead dt 2 lc rgb "#444444"
set key top right
set title "Handoff / Ganesha (> 1: Handoff better; readdirplus: time ratio inverted)"
plot dir."/ratio-ganesha.dat" using 0:2:xtic(1) with boxes lc rgb "#1f77b4" title "ratio", \
     '' using 0:3 with points pt 13 ps 2 lc rgb "#d62728" title "target"
set title "3-node cluster through its VIP / single node (> 1: cluster better)"
plot dir."/ratio-cluster.dat" using 0:2:xtic(1) with boxes lc rgb "#2ca02c" title "ratio", \
     '' using 0:3 with points pt 13 ps 2 lc rgb "#d62728" title "target"
unset multiplot

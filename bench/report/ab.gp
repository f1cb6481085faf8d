# One PNG for an A/B comparison (bench/nfs/compare.sh or cluster-cost.sh), drawn by bench/report.sh: a panel per
# workload, bars for A and B at 1 and 32 calls in flight, the median of the rounds with their min-max.
#   gnuplot -e "dir='...'; out='...'; caption='...'; la='Handoff'; lb='Ganesha'; panels=8" ab.gp
# dir/ab.dat: one block per workload (two blank lines apart), rows "DEPTH medA minA maxA medB minB maxB",
# dir/titles.gp: an array `titles` holding each panel's title.
set terminal pngcairo size 1600,900 font "DejaVu Sans,11" noenhanced
set output out
set multiplot layout 2,(panels+1)/2 title caption font ",13"
set grid ytics lc rgb "#dddddd"
set border 3
set tics nomirror
set style fill solid 0.85 border -1
set boxwidth 0.34
set xrange [-0.6:1.6]
set yrange [0:*]
set key below font ",9"
load dir."/titles.gp"
do for [i=0:panels-1] {
  set title titles[i+1]
  set xtics ("1 in flight" 0, "32 in flight" 1)
  plot dir."/ab.dat" index i using ($0-0.18):2 with boxes lc rgb "#1f77b4" title la, \
       ''            index i using ($0-0.18):2:3:4 with yerrorbars lc rgb "#222222" pt 0 notitle, \
       ''            index i using ($0+0.18):5 with boxes lc rgb "#ff7f0e" title lb, \
       ''            index i using ($0+0.18):5:6:7 with yerrorbars lc rgb "#222222" pt 0 notitle
}
unset multiplot

# The four Monitoring panels in one PNG, from the data files draw.sh wrote into `dir`:
#   ops.dat, p99.dat, owner.dat   gnuplot blocks from series.jq (one per procedure or node)
#   stages.dat                    the per-move table from moves.jq
#   marks.gp, nodes.gp            a dashed line where each `handoff vip move` returned; the owner panel's ytics
# Called as: gnuplot -e "dir='...'; out='...'; caption='...'; xmax=N; ops=N; p99=N; nodes=N; stages=N" panels.gp
set terminal pngcairo size 1600,1000 font "DejaVu Sans,11" noenhanced
set output out
set datafile missing "-"
set multiplot layout 2,2 title caption font ",13"
set grid ytics lc rgb "#dddddd"
set border 3
set tics nomirror
set key outside right top vertical font ",10"
# Fixed margins line the panels up, whatever their keys and tick labels.
set lmargin 10
set rmargin 18

set xrange [0:xmax]
set xlabel "seconds into the run"
load dir."/marks.gp"

set title "NFS operations/s by procedure (all nodes, rate over 5 s; the 6 busiest)"
set ylabel "calls/s"
set yrange [0:*]
plot for [i=0:ops-1] dir."/ops.dat" index i using 1:2 with lines lw 2 title columnheader(1)

set title "NFS call latency p99 by procedure (all nodes, over 10 s)"
set ylabel "milliseconds"
set logscale y
set yrange [*:*]
plot for [i=0:p99-1] dir."/p99.dat" index i using 1:2 with lines lw 2 title columnheader(1)
unset logscale y

# A box per one-second sample in which a node reported handoff_vip_owned = 1: a bar while it serves the VIP.
set title "VIP owner (handoff_vip_owned by node)"
set ylabel "node"
set yrange [0.5:nodes+0.5]
load dir."/nodes.gp"
set style fill solid 0.9 noborder
plot for [i=0:nodes-1] dir."/owner.dat" index i \
    using 1:($2 > 0 ? i+1 : NaN):($1-0.55):($1+0.55):(i+0.75):(i+1.25) with boxxyerror title columnheader(1)
set ytics autofreq
unset arrow
unset label

set title "Handoff stage durations per move (ms; old owner, then new)"
set xlabel "move"
set ylabel "milliseconds"
set xrange [*:*]
set yrange [0:*]
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
plot for [c=2:stages+1] dir."/stages.dat" using c:xtic(1) title columnheader(c)
unset multiplot

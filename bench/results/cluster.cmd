bench/nfs/cluster-cost.sh bench/results/cluster.md 3 2

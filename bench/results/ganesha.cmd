bench/nfs/compare.sh bench/results/ganesha.md 3 3

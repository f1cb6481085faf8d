MOVES=20 KILLS=5 bench/failover.sh bench/results/failover.md

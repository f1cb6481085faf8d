/**
 * Failover torture (issue 9): {@link dev.handoff.it.torture.TortureIT} runs a three-node cluster with two VIPs
 * under the kernel-client kit while host/cluster-torture.sh injects planned moves, kill -9, partitions, SIGSTOP
 * and restarts. {@link dev.handoff.it.torture.TortureClient} (a separate JVM per VIP, started by the host script)
 * speaks MOUNT v3, NFSv3 (RFC 1813) and NLM v4 over TCP from fixed source ports and retransmits unanswered calls
 * byte for byte, as the Linux client does; the guest test torture-io is the kernel client's part. Every client
 * logs each operation as a JSON line; {@link dev.handoff.it.torture.HistoryChecker} (pure) then proves the history
 * against the export directory and the VIP watcher's samples. Each client process is single-threaded.
 */
package dev.handoff.it.torture;

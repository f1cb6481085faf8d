/**
 * A three-node Handoff cluster on the container image of {@code deploy/container} ({@code handoff:local}), on
 * a Docker network the test creates: the image is built from scratch by the recipe when missing or stale
 * ({@link dev.handoff.it.container.HandoffImage}), on a Docker engine the test starts when none runs
 * ({@link dev.handoff.it.container.DockerEngine}); Testcontainers runs the members
 * ({@link dev.handoff.it.container.ContainerCluster}) and the host reaches the VIP with libnfs over that network
 * only. Design brief §5 (quorum, leases, takeover); deploy/container/README.md (capabilities, seccomp).
 */
package dev.handoff.it.container;

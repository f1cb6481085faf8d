/**
 * Tests against the real Linux NFS client: Debian's kernel booted under qemu by it-tests/kernel-client/run.sh,
 * guests on a private bridge, each server node in its own network namespace (see that directory's README.md).
 *
 * <p>{@link dev.handoff.it.kernel.KernelClientRun} describes and starts a run, streams its progress to the test
 * log and returns a {@link dev.handoff.it.kernel.KernelClientResult} parsed from the runner's summary.txt;
 * {@link dev.handoff.it.kernel.KernelClient#assumeAvailable()} skips a test loudly where the client cannot run,
 * and fails it in CI. Everything here runs on the test's own thread, except the reader of the runner's output.
 */
package dev.handoff.it.kernel;
